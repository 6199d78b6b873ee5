import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TableOrder.Ui

// Picks the other table of a move (a free one) or a merge (another seated one).
Dialog {
    id: dialog
    objectName: "tablePicker"
    parent: Overlay.overlay
    anchors.centerIn: parent
    modal: true
    width: Math.min(parent ? parent.width - 80 : 900, 900)
    padding: 28
    property string mode: "move"
    function pick(which) { mode = which; kitchen.bill.clearError(); open() }
    Connections {
        target: kitchen.bill
        function onTablesChanged() { dialog.close() }
    }
    background: Rectangle { radius: 20; color: Theme.kPanel; border.width: 1; border.color: Theme.kLine }
    contentItem: ColumnLayout {
        spacing: 16
        Text {
            textFormat: Text.PlainText
            text: dialog.mode === "move" ? qsTr("Move table %1's guests to which free table?").arg(kitchen.selectedTable.number || "")
                                         : qsTr("Which table joins table %1? Its orders and payments move here.").arg(kitchen.selectedTable.number || "")
            font.pixelSize: Theme.title; font.weight: Font.Bold; color: Theme.kText
            wrapMode: Text.WordWrap; Layout.fillWidth: true
        }
        Flow {
            Layout.fillWidth: true
            spacing: 10
            Repeater {
                model: kitchen.tables
                delegate: TouchButton {
                    objectName: "pick-" + number
                    visible: tableId !== kitchen.selectedTableId && (dialog.mode === "move" ? !open : open)
                    width: open ? 230 : 120
                    height: 72
                    variant: "dark"
                    tint: open ? "#233A2C" : Theme.kCard
                    fontSize: Theme.title
                    text: open ? number + " · " + totalText : String(number)
                    enabled: !kitchen.bill.busy
                    onClicked: dialog.mode === "move" ? kitchen.bill.moveTo(tableId) : kitchen.bill.mergeFrom(tableId)
                }
            }
        }
        Text {
            textFormat: Text.PlainText
            visible: kitchen.bill.error.length > 0
            text: kitchen.bill.error
            color: Theme.kVeryLate; font.pixelSize: Theme.body; wrapMode: Text.WordWrap; Layout.fillWidth: true
        }
        TouchButton { objectName: "tablePickerCancel"; text: qsTr("Cancel"); variant: "dark"; Layout.alignment: Qt.AlignRight; onClicked: dialog.close() }
    }
}
