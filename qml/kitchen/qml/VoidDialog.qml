import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TableOrder.Ui

// Manager: void a line, or its whole order, with a reason. The line stays on the bill,
// struck through, with who and why.
Dialog {
    id: dialog
    objectName: "voidDialog"
    parent: Overlay.overlay
    anchors.centerIn: parent
    modal: true
    width: 640
    padding: 28
    property var line: ({})
    function ask(l) { line = l; reason.text = ""; kitchen.bill.clearError(); open() }
    Connections {
        target: kitchen.bill
        function onNotice() { dialog.close() }
    }
    background: Rectangle { radius: 20; color: Theme.kPanel; border.width: 1; border.color: Theme.kLine }
    contentItem: ColumnLayout {
        spacing: 16
        Text {
            textFormat: Text.PlainText
            text: qsTr("Void %1 × %2 (order #%3)?").arg(dialog.line.name || "").arg(dialog.line.quantity || 0).arg(dialog.line.orderNumber || 0)
            font.pixelSize: Theme.title; font.weight: Font.Bold; color: Theme.kText
            wrapMode: Text.WordWrap; Layout.fillWidth: true
        }
        Flow {
            Layout.fillWidth: true
            spacing: 8
            Repeater {
                model: [qsTr("Wrong dish"), qsTr("Not ordered"), qsTr("Sold out"), qsTr("Complaint")]
                delegate: TouchButton { variant: "dark"; text: modelData; fontSize: Theme.small + 2; onClicked: reason.text = modelData }
            }
        }
        TextInputField { id: reason; objectName: "voidReason"; Layout.fillWidth: true; dark: true; label: qsTr("Reason") }
        Text {
            textFormat: Text.PlainText
            visible: kitchen.bill.error.length > 0
            text: kitchen.bill.error
            color: Theme.kVeryLate; font.pixelSize: Theme.body; wrapMode: Text.WordWrap; Layout.fillWidth: true
        }
        RowLayout {
            spacing: 12
            TouchButton { text: qsTr("Cancel"); variant: "dark"; Layout.fillWidth: true; onClicked: dialog.close() }
            TouchButton {
                objectName: "voidLineConfirm"
                text: qsTr("Void this line"); variant: "danger"; Layout.fillWidth: true
                enabled: reason.text.trim().length > 0 && !kitchen.bill.busy
                onClicked: kitchen.bill.voidLine(dialog.line.orderId, dialog.line.lineId, reason.text)
            }
            TouchButton {
                objectName: "voidOrderConfirm"
                text: qsTr("Void order #%1").arg(dialog.line.orderNumber || 0); variant: "danger"; Layout.fillWidth: true
                enabled: reason.text.trim().length > 0 && !kitchen.bill.busy
                onClicked: kitchen.bill.voidOrder(dialog.line.orderId, reason.text)
            }
        }
    }
}
