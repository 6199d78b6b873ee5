import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TableOrder.Ui

// Floor staff and managers order for the selected table ("주문 추가"): the menu by category,
// quantity −/+, one tap sends it (kitchen.staffOrder: one client_order_id per attempt). Items
// whose options must be chosen are shown but not offered: the tablet chooses those.
Dialog {
    id: dialog
    objectName: "staffOrderDialog"
    parent: Overlay.overlay
    anchors.centerIn: parent
    modal: true
    width: Math.min(parent.width - 80, 980)
    height: parent.height - 60
    padding: 24
    readonly property var order: kitchen.staffOrder
    function start(tableId) { order.begin(tableId); open() }
    Connections {
        target: kitchen.staffOrder
        function onPlaced() { dialog.close() }
    }
    background: Rectangle { radius: 20; color: Theme.kPanel; border.width: 1; border.color: Theme.kLine }
    contentItem: ColumnLayout {
        spacing: 12
        Text {
            textFormat: Text.PlainText
            text: qsTr("Order for table %1").arg(kitchen.bill.tableNumber || (kitchen.selectedTable.number || ""))
            font.pixelSize: Theme.title; font.weight: Font.Bold; color: Theme.kText
        }
        // A Flickable, not a ListView: a quantity change rebuilds the rows but keeps the scroll.
        Flickable {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentHeight: rows.height
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}
            Column {
                id: rows
                width: list.width
                spacing: 6
                Repeater {
                    model: dialog.order.items
                    delegate: Column {
                        id: row
                        required property var modelData
                        readonly property bool offered: modelData.orderable && !modelData.needsOptions
                        width: rows.width
                        spacing: 6
                        Text {
                            visible: row.modelData.firstInCategory
                            textFormat: Text.PlainText
                            text: row.modelData.categoryName
                            height: 40
                            verticalAlignment: Text.AlignBottom
                            color: Theme.kTextMuted; font.pixelSize: Theme.body; font.weight: Font.Bold
                        }
                        Rectangle {
                            objectName: "orderItem-" + row.modelData.itemId
                            width: row.width
                            height: 64
                            radius: 12
                            color: row.modelData.quantity > 0 ? "#24384F" : Theme.kCard
                            RowLayout {
                                anchors.fill: parent
                                anchors.leftMargin: 18
                                anchors.rightMargin: 10
                                spacing: 12
                                Text {
                                    textFormat: Text.PlainText
                                    text: row.modelData.name
                                    color: row.offered ? Theme.kText : Theme.kTextMuted
                                    font.pixelSize: Theme.title - 4; font.weight: Font.DemiBold
                                    Layout.fillWidth: true; elide: Text.ElideRight
                                }
                                Text {
                                    objectName: "orderItemNote-" + row.modelData.itemId
                                    textFormat: Text.PlainText
                                    visible: !row.offered
                                    text: !row.modelData.orderable ? qsTr("Not available now")
                                                                   : qsTr("Options required: order on the tablet")
                                    color: Theme.kLate; font.pixelSize: Theme.body - 2
                                }
                                Text { textFormat: Text.PlainText; text: row.modelData.priceText; color: Theme.kTextMuted; font.pixelSize: Theme.body; Layout.preferredWidth: 110; horizontalAlignment: Text.AlignRight }
                                TouchButton {
                                    objectName: "orderLess-" + row.modelData.itemId
                                    visible: row.offered
                                    variant: "dark"; text: "−"; Layout.preferredWidth: 64
                                    enabled: row.modelData.quantity > 0 && !dialog.order.busy && !dialog.order.uncertain
                                    onClicked: dialog.order.add(row.modelData.itemId, -1)
                                }
                                Text {
                                    objectName: "orderQty-" + row.modelData.itemId
                                    visible: row.offered
                                    textFormat: Text.PlainText
                                    text: row.modelData.quantity
                                    color: Theme.kText; font.pixelSize: Theme.title; font.weight: Font.Bold
                                    Layout.preferredWidth: 40; horizontalAlignment: Text.AlignHCenter
                                }
                                TouchButton {
                                    objectName: "orderMore-" + row.modelData.itemId
                                    visible: row.offered
                                    variant: "dark"; text: "+"; Layout.preferredWidth: 64
                                    enabled: !dialog.order.busy && !dialog.order.uncertain
                                    onClicked: dialog.order.add(row.modelData.itemId, 1)
                                }
                            }
                        }
                    }
                }
            }
        }
        Text {
            objectName: "staffOrderError"
            textFormat: Text.PlainText
            visible: dialog.order.error.length > 0
            text: dialog.order.error
            color: Theme.kVeryLate; font.pixelSize: Theme.body; wrapMode: Text.WordWrap; Layout.fillWidth: true
        }
        RowLayout {
            spacing: 12
            Text {
                objectName: "staffOrderTotal"
                textFormat: Text.PlainText
                text: qsTr("%1 items · %2").arg(dialog.order.count).arg(dialog.order.totalText)
                color: Theme.kText; font.pixelSize: Theme.title; font.weight: Font.Bold
                Layout.fillWidth: true
            }
            TouchButton { objectName: "staffOrderCancel"; text: qsTr("Cancel"); variant: "dark"; Layout.preferredWidth: 180; enabled: !dialog.order.busy; onClicked: dialog.close() }
            TouchButton {
                objectName: "staffOrderSend"
                text: dialog.order.uncertain ? qsTr("Send again") : qsTr("Place order")
                variant: "primary"; Layout.preferredWidth: 260
                enabled: dialog.order.count > 0 && !dialog.order.busy
                onClicked: dialog.order.send()
            }
        }
    }
}
