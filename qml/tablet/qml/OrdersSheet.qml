import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TableOrder.Ui

// This visit's orders with their live status.
Drawer {
    id: sheet
    objectName: "ordersSheet"
    edge: Qt.RightEdge
    width: parent ? Math.min(parent.width, 560) : 560
    height: parent ? parent.height : 800
    dragMargin: 0
    background: Rectangle { color: Theme.background }
    signal billClicked()

    function statusText(status) {
        switch (status) {
        case "pending": return qsTr("Received")
        case "preparing": return qsTr("Cooking")
        // completed means every dish is ready (docs/api.md, "Order status"): a runner is coming.
        case "completed": return qsTr("Your food is on its way")
        case "served": return qsTr("Served")
        case "canceled": return qsTr("Canceled")
        }
        return status
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 24
        spacing: 16
        RowLayout {
            Layout.fillWidth: true
            Text { textFormat: Text.PlainText; text: qsTr("My orders"); font.pixelSize: Theme.headline; font.weight: Font.Bold; color: Theme.text; Layout.fillWidth: true }
            TouchButton { objectName: "ordersCloseButton"; text: qsTr("Close"); variant: "secondary"; onClicked: sheet.close() }
        }
        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 14
            model: tablet.orders
            delegate: Rectangle {
                width: list.width
                height: body.implicitHeight + 32
                radius: Theme.radius
                color: Theme.surface
                border.width: 1
                border.color: Theme.line
                ColumnLayout {
                    id: body
                    anchors.fill: parent
                    anchors.margins: 16
                    spacing: 8
                    RowLayout {
                        Layout.fillWidth: true
                        Text {
                            textFormat: Text.PlainText
                            text: qsTr("Order #%1").arg(number)
                            font.pixelSize: Theme.title
                            font.weight: Font.Bold
                            color: Theme.text
                        }
                        Text {
                            textFormat: Text.PlainText
                            text: tablet.storeTime(createdMs)
                            font.pixelSize: Theme.body
                            color: Theme.textMuted
                            Layout.fillWidth: true
                        }
                        Pill {
                            objectName: "orderStatus-" + orderId
                            property string status: model.status
                            // Received, and a kitchen screen has it (its receipt).
                            property bool kitchenConfirmed: model.kitchenConfirmed
                            text: status === "pending" && kitchenConfirmed ? qsTr("Kitchen confirmed")
                                                                           : sheet.statusText(status)
                            tint: Theme.statusColor(status)
                            fontSize: Theme.body
                            implicitHeight: 40
                        }
                    }
                    Repeater {
                        model: items
                        RowLayout {
                            Layout.fillWidth: true
                            Text { textFormat: Text.PlainText; text: modelData.name + ((modelData.options || []).length > 0 ? " · " + modelData.options.map(o => o.name).join(", ") : ""); font.pixelSize: Theme.body; color: Theme.text; Layout.fillWidth: true; elide: Text.ElideRight }
                            Text { textFormat: Text.PlainText; text: "× " + modelData.quantity; font.pixelSize: Theme.body; color: Theme.textMuted }
                        }
                    }
                    Text {
                        textFormat: Text.PlainText
                        visible: note.length > 0
                        text: "“" + note + "”"
                        font.pixelSize: Theme.small + 1
                        font.italic: true
                        color: Theme.textMuted
                        Layout.fillWidth: true
                        wrapMode: Text.WordWrap
                    }
                    Text {
                        textFormat: Text.PlainText
                        text: totalText
                        font.pixelSize: Theme.body
                        font.weight: Font.DemiBold
                        color: Theme.text
                        Layout.alignment: Qt.AlignRight
                    }
                }
            }
            Text {
                textFormat: Text.PlainText
                anchors.centerIn: parent
                visible: list.count === 0
                text: qsTr("No orders yet.")
                font.pixelSize: Theme.title
                color: Theme.textMuted
            }
        }
        Rectangle { Layout.fillWidth: true; height: 1; color: Theme.line }
        RowLayout {
            Layout.fillWidth: true
            Text { textFormat: Text.PlainText; text: qsTr("This visit so far"); font.pixelSize: Theme.title; color: Theme.text; Layout.fillWidth: true }
            Text { textFormat: Text.PlainText; objectName: "visitTotal"; text: tablet.orders.totalText; font.pixelSize: Theme.headline; font.weight: Font.Bold; color: Theme.text }
        }
        // Every line with where it came from, corrections, payments and the split.
        TouchButton {
            objectName: "billButton"
            Layout.fillWidth: true
            variant: "dark"
            tint: Theme.ink
            enabled: list.count > 0
            text: qsTr("See the bill and split it")
            onClicked: sheet.billClicked()
        }
    }
}
