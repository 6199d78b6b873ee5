import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TableOrder.Ui

// The red button asks first and says what is still open (unpaid, cooking). When the edge
// refuses (VISIT_UNSETTLED) a manager may close anyway with a reason; floor staff may not.
Dialog {
    id: dialog
    objectName: "closeTableDialog"
    parent: Overlay.overlay
    anchors.centerIn: parent
    modal: true
    width: 600
    padding: 32
    property var cooking: []
    readonly property var refusal: kitchen.bill.unsettled
    readonly property bool refused: refusal.message !== undefined
    onAboutToShow: { cooking = kitchen.cookingOrderNumbers(); reason.text = "" }
    Connections {
        target: kitchen.bill
        function onVisitClosed() { dialog.close() }
    }
    background: Rectangle { radius: 20; color: Theme.kPanel; border.width: 1; border.color: Theme.kLine }
    contentItem: ColumnLayout {
        spacing: 18
        Text {
            textFormat: Text.PlainText
            text: qsTr("Close table %1?").arg(kitchen.selectedTable.number || "")
            font.pixelSize: Theme.title; font.weight: Font.Bold; color: Theme.kText
        }
        Text {
            objectName: "closeOpenItems"
            textFormat: Text.PlainText
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.body
            font.weight: Font.DemiBold
            readonly property int due: dialog.refused ? dialog.refusal.due : kitchen.bill.due
            readonly property var orders: dialog.refused ? dialog.refusal.cookingOrders : dialog.cooking
            color: due > 0 || orders.length > 0 ? Theme.kLate : Theme.kDone
            text: {
                let parts = []
                if (due > 0)
                    parts.push(qsTr("Still unpaid: %1").arg(kitchen.bill.won(due)))
                let numbers = []
                for (let i = 0; i < orders.length; ++i)
                    numbers.push("#" + orders[i])
                if (numbers.length > 0)
                    parts.push(qsTr("Still cooking: %1").arg(numbers.join(", ")))
                return parts.length > 0 ? parts.join("\n") : qsTr("Everything is paid and served.")
            }
        }
        Text {
            textFormat: Text.PlainText
            text: qsTr("Its orders move to the history and its tablet starts fresh for the next guests.")
            font.pixelSize: Theme.body; color: Theme.kTextMuted; wrapMode: Text.WordWrap; Layout.fillWidth: true
        }
        Text {
            textFormat: Text.PlainText
            visible: dialog.refused
            text: kitchen.isManager ? qsTr("The edge refused: the visit is not settled. Close it anyway only with a reason (it is recorded with your name).")
                                    : qsTr("The edge refused: the visit is not settled. Take the payment first, or ask a manager.")
            font.pixelSize: Theme.body; color: Theme.kVeryLate; wrapMode: Text.WordWrap; Layout.fillWidth: true
        }
        TextInputField {
            id: reason
            objectName: "forceCloseReason"
            visible: dialog.refused && kitchen.isManager
            Layout.fillWidth: true
            dark: true
            label: qsTr("Reason")
            placeholder: qsTr("e.g. guests left, will pay tomorrow")
        }
        Text {
            textFormat: Text.PlainText
            visible: kitchen.bill.error.length > 0
            text: kitchen.bill.error
            color: Theme.kVeryLate; font.pixelSize: Theme.body; wrapMode: Text.WordWrap; Layout.fillWidth: true
        }
        RowLayout {
            spacing: 16
            TouchButton { objectName: "cancelCloseSession"; text: qsTr("Cancel"); variant: "dark"; Layout.fillWidth: true; onClicked: dialog.close() }
            TouchButton {
                objectName: "confirmCloseSession"
                visible: !dialog.refused
                enabled: !kitchen.bill.busy
                text: qsTr("Close table"); variant: "danger"; Layout.fillWidth: true
                onClicked: kitchen.bill.closeVisit(false, "")
            }
            TouchButton {
                objectName: "forceCloseSession"
                visible: dialog.refused && kitchen.isManager
                enabled: !kitchen.bill.busy && reason.text.trim().length > 0
                text: qsTr("Close anyway"); variant: "danger"; Layout.fillWidth: true
                onClicked: kitchen.bill.closeVisit(true, reason.text)
            }
        }
    }
}
