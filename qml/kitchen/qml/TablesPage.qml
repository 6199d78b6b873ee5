import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TableOrder.Ui

// The floor (staff and manager): the guests' calls, every table, who is sitting where and
// what they have spent; a table's bill and payments, moving or merging it, closing it, its
// orders, and (manager) its history and tablet pairing.
Item {
    id: page
    objectName: "tablesPage"
    readonly property var table: kitchen.selectedTable
    readonly property bool tableOpen: table.session_id !== undefined && table.session_id !== null
    Component.onCompleted: kitchen.refreshTables()

    function statusText(status) {
        switch (status) {
        case "pending": return qsTr("New")
        case "preparing": return qsTr("Preparing")
        case "completed": return qsTr("Done")
        case "canceled": return qsTr("Canceled")
        }
        return status
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 12

        CallsPanel {
            Layout.preferredWidth: Math.min(360, page.width * 0.26)
            Layout.fillHeight: true
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: Theme.kPanel
            radius: 16
            ColumnLayout {
                anchors.fill: parent
                anchors.margins: 14
                spacing: 12
                RowLayout {
                    Layout.fillWidth: true
                    Text { textFormat: Text.PlainText; text: qsTr("Tables"); color: Theme.kText; font.pixelSize: Theme.title; font.weight: Font.Bold }
                    Text {
                        textFormat: Text.PlainText
                        text: qsTr("%1 of %2 occupied").arg(kitchen.tables.openCount).arg(kitchen.tables.count)
                        color: Theme.kTextMuted
                        font.pixelSize: Theme.body
                        Layout.fillWidth: true
                    }
                    TouchButton { text: qsTr("Refresh"); variant: "dark"; onClicked: kitchen.refreshTables() }
                }
                GridView {
                    id: grid
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    readonly property int columns: Math.max(2, Math.floor(width / 200))
                    cellWidth: Math.floor(width / columns)
                    cellHeight: 168
                    model: kitchen.tables
                    delegate: Item {
                        width: grid.cellWidth
                        height: grid.cellHeight
                        AbstractButton {
                            id: tile
                            objectName: "table-" + number
                            anchors.fill: parent
                            anchors.margins: 6
                            onClicked: kitchen.selectTable(tableId)
                            background: Rectangle {
                                radius: 14
                                color: open ? "#233A2C" : Theme.kCard
                                border.width: kitchen.selectedTableId === tableId ? 4 : 1
                                border.color: kitchen.selectedTableId === tableId ? Theme.accent : (open ? Theme.kDone : Theme.kLine)
                            }
                            contentItem: ColumnLayout {
                                spacing: 2
                                RowLayout {
                                    Layout.fillWidth: true
                                    Layout.leftMargin: 14
                                    Layout.rightMargin: 14
                                    Layout.topMargin: 10
                                    Text { textFormat: Text.PlainText; text: number; color: Theme.kText; font.pixelSize: Theme.display - 4; font.weight: Font.Black; Layout.fillWidth: true }
                                    Pill {
                                        text: open ? qsTr("Seated") : qsTr("Free")
                                        tint: open ? Theme.kDone : Theme.kCardAlt
                                        textColor: open ? "#101214" : Theme.kTextMuted
                                    }
                                }
                                Text {
                                    textFormat: Text.PlainText
                                    Layout.leftMargin: 14
                                    text: open ? totalText : " "
                                    color: Theme.kText
                                    font.pixelSize: Theme.title
                                    font.weight: Font.Bold
                                }
                                Text {
                                    textFormat: Text.PlainText
                                    Layout.leftMargin: 14
                                    text: open ? qsTr("%n order(s) · since %1", "", orderCount).arg(Qt.formatTime(new Date(openedMs), "hh:mm")) : qsTr("No guests")
                                    color: Theme.kTextMuted
                                    font.pixelSize: Theme.small
                                }
                                Item { Layout.fillHeight: true }
                            }
                        }
                    }
                }
            }
        }

        // The selected table
        Rectangle {
            Layout.preferredWidth: Math.max(420, page.width * 0.34)
            Layout.fillHeight: true
            color: Theme.kPanel
            radius: 16

            Text {
                textFormat: Text.PlainText
                anchors.centerIn: parent
                visible: kitchen.selectedTableId === 0
                text: qsTr("Tap a table to see its orders")
                color: Theme.kTextMuted
                font.pixelSize: Theme.title
            }
            ColumnLayout {
                visible: kitchen.selectedTableId !== 0
                anchors.fill: parent
                anchors.margins: 16
                spacing: 12
                RowLayout {
                    Layout.fillWidth: true
                    Text {
                        textFormat: Text.PlainText
                        text: qsTr("Table %1").arg(page.table.number || "")
                        color: Theme.kText
                        font.pixelSize: Theme.headline
                        font.weight: Font.Bold
                        Layout.fillWidth: true
                    }
                    Text {
                        textFormat: Text.PlainText
                        text: kitchen.tableOrders.totalText
                        visible: kitchen.tableOrders.count > 0
                        color: Theme.kText
                        font.pixelSize: Theme.headline
                        font.weight: Font.Bold
                    }
                }
                // The bill at a glance, and what the floor does with it.
                RowLayout {
                    Layout.fillWidth: true
                    visible: page.tableOpen && kitchen.bill.loaded
                    spacing: 8
                    Text { textFormat: Text.PlainText; text: qsTr("Paid %1").arg(kitchen.bill.won(kitchen.bill.paid)); color: Theme.kTextMuted; font.pixelSize: Theme.body; Layout.fillWidth: true }
                    Text {
                        objectName: "tableDue"
                        textFormat: Text.PlainText
                        text: qsTr("Due %1").arg(kitchen.bill.won(kitchen.bill.due))
                        color: kitchen.bill.due > 0 ? Theme.kLate : Theme.kDone
                        font.pixelSize: Theme.title
                        font.weight: Font.Bold
                    }
                }
                GridLayout {
                    Layout.fillWidth: true
                    columns: 2
                    columnSpacing: 10
                    rowSpacing: 10
                    TouchButton {
                        objectName: "billButton"
                        Layout.fillWidth: true
                        Layout.columnSpan: 2
                        Layout.preferredHeight: 64
                        fontSize: Theme.title
                        variant: "dark"
                        tint: Theme.kNew
                        enabled: page.tableOpen
                        text: qsTr("Bill and payment")
                        onClicked: billDialog.open()
                    }
                    TouchButton {
                        objectName: "staffOrderButton"
                        Layout.fillWidth: true
                        Layout.columnSpan: 2
                        variant: "dark"
                        tint: "#2F5C8F"
                        enabled: kitchen.selectedTableId !== 0
                        text: qsTr("Add order")
                        onClicked: staffOrderDialog.start(kitchen.selectedTableId)
                    }
                    TouchButton {
                        objectName: "moveButton"
                        Layout.fillWidth: true
                        variant: "dark"
                        enabled: page.tableOpen
                        text: qsTr("Move to…")
                        onClicked: tablePicker.pick("move")
                    }
                    TouchButton {
                        objectName: "mergeButton"
                        Layout.fillWidth: true
                        variant: "dark"
                        enabled: page.tableOpen
                        text: qsTr("Merge in…")
                        onClicked: tablePicker.pick("merge")
                    }
                    TouchButton {
                        objectName: "closeSessionButton"
                        Layout.fillWidth: true
                        Layout.columnSpan: kitchen.isManager ? 1 : 2
                        variant: "danger"
                        enabled: page.tableOpen
                        text: page.tableOpen ? qsTr("Close the table") : qsTr("Table is free")
                        onClicked: { kitchen.bill.clearError(); confirmClose.open() }
                    }
                    TouchButton {
                        objectName: "pairTabletButton"
                        visible: kitchen.isManager
                        Layout.fillWidth: true
                        variant: "dark"
                        text: qsTr("Pair a tablet (QR)")
                        onClicked: { kitchen.pairing.request(kitchen.selectedTableId); pairingDialog.open() }
                    }
                    TouchButton {
                        objectName: "tableCardsButton"
                        visible: kitchen.isManager
                        Layout.fillWidth: true
                        Layout.columnSpan: 2
                        variant: "dark"
                        enabled: !kitchen.tableCards.busy
                        text: qsTr("Save table cards (PDF)")
                        onClicked: kitchen.tableCards.save()
                    }
                    TouchButton {
                        objectName: "openToPhonesButton"
                        Layout.fillWidth: true
                        Layout.columnSpan: kitchen.isManager ? 1 : 2
                        variant: "dark"
                        enabled: kitchen.selectedTableId !== 0 && !kitchen.tableCards.busy
                        text: kitchen.tableCards.openedTableId === kitchen.selectedTableId && kitchen.selectedTableId !== 0
                              ? qsTr("Phones may order ✓") : qsTr("Let phones order by card")
                        onClicked: kitchen.tableCards.openToPhones(kitchen.selectedTableId)
                    }
                    TouchButton {
                        objectName: "renewCodeButton"
                        visible: kitchen.isManager
                        Layout.fillWidth: true
                        variant: "dark"
                        enabled: kitchen.selectedTableId !== 0 && !kitchen.tableCards.busy
                        text: qsTr("New table code")
                        onClicked: confirmRenew.open()
                    }
                    Text {
                        objectName: "tableCardsStatus"
                        visible: kitchen.isManager && (kitchen.tableCards.savedPath.length > 0 || kitchen.tableCards.error.length > 0
                                                       || kitchen.tableCards.renewedTable > 0)
                        Layout.fillWidth: true
                        Layout.columnSpan: 2
                        textFormat: Text.PlainText
                        wrapMode: Text.WrapAnywhere
                        color: kitchen.tableCards.error.length > 0 ? Theme.danger : Theme.textMuted
                        text: kitchen.tableCards.error.length > 0 ? qsTr("Table cards not saved: %1").arg(kitchen.tableCards.error)
                              : kitchen.tableCards.savedPath.length > 0 ? qsTr("Saved: %1").arg(kitchen.tableCards.savedPath)
                              : qsTr("Table %1 has a new code: print its card again.").arg(kitchen.tableCards.renewedTable)
                    }
                }
                TabBar {
                    id: tabs
                    Layout.fillWidth: true
                    background: Rectangle { color: "transparent" }
                    Repeater {
                        model: kitchen.isManager ? [qsTr("This visit (%1)").arg(kitchen.tableOrders.count), qsTr("History (%1)").arg(kitchen.tableHistory.count)]
                                                 : [qsTr("This visit (%1)").arg(kitchen.tableOrders.count)]
                        TabButton {
                            id: tabButton
                            text: modelData
                            height: Theme.touch
                            font.pixelSize: Theme.body
                            contentItem: Text { textFormat: Text.PlainText; text: tabButton.text; font: tabButton.font; color: tabButton.checked ? Theme.kText : Theme.kTextMuted; horizontalAlignment: Text.AlignHCenter; verticalAlignment: Text.AlignVCenter }
                            background: Rectangle { color: tabButton.checked ? Theme.kCardAlt : Theme.kCard; radius: 10 }
                        }
                    }
                }
                ListView {
                    id: orderList
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    spacing: 8
                    model: tabs.currentIndex === 0 ? kitchen.tableOrders : kitchen.tableHistory
                    delegate: Rectangle {
                        width: orderList.width
                        height: col.implicitHeight + 20
                        radius: 10
                        color: Theme.kCard
                        ColumnLayout {
                            id: col
                            anchors.fill: parent
                            anchors.margins: 10
                            spacing: 4
                            RowLayout {
                                Layout.fillWidth: true
                                Text { textFormat: Text.PlainText; text: "#" + number + "  " + Qt.formatDateTime(new Date(createdMs), "MM-dd hh:mm"); color: Theme.kText; font.pixelSize: Theme.body; font.weight: Font.Bold; Layout.fillWidth: true }
                                Pill { text: page.statusText(status); tint: status === "completed" ? Theme.kDone : status === "canceled" ? Theme.kCardAlt : status === "preparing" ? Theme.kPreparing : Theme.kNew; textColor: "#101214" }
                                Text { textFormat: Text.PlainText; text: totalText; color: Theme.kText; font.pixelSize: Theme.body; font.weight: Font.Bold }
                            }
                            Text {
                                textFormat: Text.PlainText
                                text: {
                                    let parts = []
                                    for (let i = 0; i < items.length; ++i)
                                        parts.push(items[i].quantity + "× " + items[i].name)
                                    return parts.join(", ")
                                }
                                color: Theme.kTextMuted
                                font.pixelSize: Theme.small + 1
                                wrapMode: Text.WordWrap
                                Layout.fillWidth: true
                            }
                        }
                    }
                    Text {
                        textFormat: Text.PlainText
                        anchors.centerIn: parent
                        visible: orderList.count === 0
                        text: qsTr("No orders")
                        color: Theme.kTextMuted
                        font.pixelSize: Theme.body
                    }
                }
            }
        }
    }

    PairingDialog { id: pairingDialog }

    Dialog {
        id: confirmRenew
        objectName: "confirmRenewDialog"
        parent: Overlay.overlay
        anchors.centerIn: parent
        modal: true
        width: 560
        padding: 28
        background: Rectangle { radius: 16; color: Theme.surface }
        contentItem: ColumnLayout {
            spacing: 18
            Text {
                textFormat: Text.PlainText
                text: qsTr("Give this table a new code? Its printed cards, and photos of them, stop working at once.")
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.body
                color: Theme.text
                Layout.fillWidth: true
            }
            RowLayout {
                spacing: 12
                TouchButton { text: qsTr("Cancel"); variant: "secondary"; Layout.fillWidth: true; onClicked: confirmRenew.close() }
                TouchButton { objectName: "confirmRenewButton"; text: qsTr("New code"); variant: "danger"; Layout.fillWidth: true
                    onClicked: { confirmRenew.close(); kitchen.tableCards.renewCode(kitchen.selectedTableId) } }
            }
        }
    }

    BillDialog { id: billDialog }
    StaffOrderDialog { id: staffOrderDialog }
    TablePicker { id: tablePicker }
    CloseTableDialog { id: confirmClose }
}
