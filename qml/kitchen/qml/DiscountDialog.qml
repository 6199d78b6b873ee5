import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TableOrder.Ui

// Manager: a discount on the visit, in won or percent of the subtotal, with a reason.
Dialog {
    id: dialog
    objectName: "discountDialog"
    parent: Overlay.overlay
    anchors.centerIn: parent
    modal: true
    width: 600
    padding: 28
    property string kind: "amount"
    onAboutToShow: { kind = "amount"; value.text = ""; reason.text = ""; kitchen.bill.clearError() }
    Connections {
        target: kitchen.bill
        function onNotice() { dialog.close() }
    }
    background: Rectangle { radius: 20; color: Theme.kPanel; border.width: 1; border.color: Theme.kLine }
    contentItem: ColumnLayout {
        spacing: 16
        Text {
            textFormat: Text.PlainText
            text: qsTr("Discount on table %1").arg(kitchen.bill.tableNumber)
            font.pixelSize: Theme.title; font.weight: Font.Bold; color: Theme.kText
        }
        RowLayout {
            spacing: 10
            TouchButton { objectName: "discountKind-amount"; variant: "dark"; tint: dialog.kind === "amount" ? Theme.kNew : Theme.kCardAlt; text: qsTr("Won"); Layout.fillWidth: true; onClicked: dialog.kind = "amount" }
            TouchButton { objectName: "discountKind-percent"; variant: "dark"; tint: dialog.kind === "percent" ? Theme.kNew : Theme.kCardAlt; text: qsTr("Percent"); Layout.fillWidth: true; onClicked: dialog.kind = "percent" }
        }
        TextInputField {
            id: value
            objectName: "discountValue"
            Layout.fillWidth: true
            dark: true
            label: dialog.kind === "amount" ? qsTr("Amount (won)") : qsTr("Percent of the subtotal (1-100)")
            inputMethodHints: Qt.ImhDigitsOnly
        }
        TextInputField { id: reason; objectName: "discountReason"; Layout.fillWidth: true; dark: true; label: qsTr("Reason"); placeholder: qsTr("e.g. long wait") }
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
                objectName: "discountApply"
                readonly property int number: parseInt(value.text.replace(/[^0-9]/g, "")) || 0
                text: qsTr("Give discount"); variant: "primary"; Layout.fillWidth: true
                enabled: number > 0 && reason.text.trim().length > 0 && !kitchen.bill.busy
                onClicked: kitchen.bill.addDiscount(dialog.kind, number, reason.text)
            }
        }
    }
}
