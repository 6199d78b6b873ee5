import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TableOrder.Ui
import TableOrder.Client

// Confirm the order, then follow it: sending, retrying (never twice: the order keeps its id),
// received, or refused (for example an item sold out meanwhile).
Popup {
    id: dialog
    objectName: "orderDialog"
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent.width - 48, 680)
    height: Math.min(parent.height - 48, content.implicitHeight + 64)
    modal: true
    closePolicy: submitter.busy ? Popup.NoAutoClose : Popup.CloseOnEscape | Popup.CloseOnPressOutside
    padding: 32
    background: Rectangle { radius: 24; color: Theme.surface }

    readonly property var submitter: tablet.submitter
    readonly property int phase: submitter.state

    onClosed: if (!submitter.busy) submitter.dismiss()

    // Closes by itself once the guests could read "kitchen confirmed"; while no kitchen
    // screen has confirmed the order, it stays longer (the guests may want to call staff).
    Timer {
        interval: tablet.kitchenConfirmed ? 3500 : 10000
        running: dialog.opened && dialog.phase === OrderSubmitter.Accepted
        onTriggered: dialog.close()
    }

    contentItem: ColumnLayout {
        id: content
        spacing: 18

        // 1. Confirmation
        ColumnLayout {
            visible: dialog.phase === OrderSubmitter.Idle
            spacing: 14
            Layout.fillWidth: true
            Text {
                textFormat: Text.PlainText
                text: qsTr("Check your order")
                font.pixelSize: Theme.headline
                font.weight: Font.Bold
                color: Theme.text
            }
            ListView {
                id: lines
                Layout.fillWidth: true
                Layout.preferredHeight: Math.min(contentHeight, 340)
                clip: true
                spacing: 8
                interactive: contentHeight > height
                model: tablet.cart
                delegate: CartLine { width: lines.width; editable: false; compact: true }
            }
            TextInputField {
                Layout.fillWidth: true
                label: qsTr("Request for the kitchen (optional)")
                placeholder: qsTr("e.g. less spicy, no onions")
                text: tablet.cart.note
                onTextChanged: tablet.cart.note = text
            }
            RowLayout {
                Layout.fillWidth: true
                Text { textFormat: Text.PlainText; text: qsTr("Total"); font.pixelSize: Theme.title; color: Theme.text; Layout.fillWidth: true }
                Text { textFormat: Text.PlainText; text: tablet.cart.totalText; font.pixelSize: Theme.headline; font.weight: Font.Bold; color: Theme.accent }
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: 16
                TouchButton {
                    text: qsTr("Back")
                    variant: "secondary"
                    Layout.preferredWidth: 200
                    Layout.preferredHeight: 76
                    fontSize: Theme.title
                    onClicked: dialog.close()
                }
                TouchButton {
                    objectName: "confirmOrderButton"
                    text: qsTr("Place order")
                    Layout.fillWidth: true
                    Layout.preferredHeight: 76
                    fontSize: Theme.title
                    enabled: tablet.cart.orderable
                    onClicked: tablet.placeOrder()
                }
            }
        }

        // 2. Sending / retrying
        ColumnLayout {
            visible: dialog.submitter.busy
            spacing: 18
            Layout.fillWidth: true
            BusyIndicator { running: parent.visible; Layout.alignment: Qt.AlignHCenter; Layout.preferredWidth: 72; Layout.preferredHeight: 72 }
            Text {
                textFormat: Text.PlainText
                objectName: "orderProgressTitle"
                text: dialog.phase === OrderSubmitter.Retrying ? qsTr("Connection problem. Retrying…")
                                                               : qsTr("Sending your order…")
                font.pixelSize: Theme.headline
                font.weight: Font.Bold
                color: dialog.phase === OrderSubmitter.Retrying ? Theme.warningText : Theme.text
                Layout.alignment: Qt.AlignHCenter
            }
            Text {
                textFormat: Text.PlainText
                objectName: "orderRetryText"
                visible: dialog.phase === OrderSubmitter.Retrying
                // The tablet's one countdown: the offline banner shows the same number.
                text: tablet.retryInSeconds > 0
                      ? qsTr("Attempt %1. Next try in %2 s. Your order is kept and will be placed only once.")
                            .arg(dialog.submitter.attempt).arg(tablet.retryInSeconds)
                      : qsTr("Attempt %1. Trying again now. Your order is kept and will be placed only once.")
                            .arg(dialog.submitter.attempt)
                font.pixelSize: Theme.body
                color: Theme.text
                wrapMode: Text.WordWrap
                horizontalAlignment: Text.AlignHCenter
                Layout.fillWidth: true
            }
        }

        // 3. Received
        ColumnLayout {
            visible: dialog.phase === OrderSubmitter.Accepted
            spacing: 12
            Layout.fillWidth: true
            Rectangle {
                Layout.alignment: Qt.AlignHCenter
                width: 96; height: 96; radius: 48
                color: Theme.success
                Text { textFormat: Text.PlainText; anchors.centerIn: parent; text: "✓"; color: "white"; font.pixelSize: 56; font.weight: Font.Bold }
            }
            Text {
                textFormat: Text.PlainText
                objectName: "orderAcceptedTitle"
                text: qsTr("Order #%1 received").arg(dialog.submitter.orderNumber)
                font.pixelSize: Theme.headline
                font.weight: Font.Bold
                color: Theme.text
                Layout.alignment: Qt.AlignHCenter
            }
            // The 201 means the edge has it; "kitchen confirmed" waits for a kitchen screen's
            // receipt (order.acknowledged) or the cook moving it on.
            Text {
                textFormat: Text.PlainText
                objectName: "orderKitchenStatus"
                text: tablet.kitchenConfirmed ? qsTr("Kitchen confirmed: the kitchen has your order. Follow it under \"My orders\".")
                                              : qsTr("Order received. Waiting for the kitchen screen to confirm it…")
                font.pixelSize: Theme.body
                font.weight: tablet.kitchenConfirmed ? Font.DemiBold : Font.Normal
                color: tablet.kitchenConfirmed ? Theme.successText : Theme.textMuted
                wrapMode: Text.WordWrap
                horizontalAlignment: Text.AlignHCenter
                Layout.fillWidth: true
            }
            TouchButton { objectName: "orderDoneButton"; text: qsTr("OK"); Layout.fillWidth: true; Layout.preferredHeight: 72; fontSize: Theme.title; onClicked: dialog.close() }
        }

        // 4. Refused
        ColumnLayout {
            visible: dialog.phase === OrderSubmitter.Rejected
            spacing: 12
            Layout.fillWidth: true
            Text {
                textFormat: Text.PlainText
                text: qsTr("The order was not placed")
                font.pixelSize: Theme.headline
                font.weight: Font.Bold
                color: Theme.danger
            }
            Text {
                textFormat: Text.PlainText
                objectName: "orderRejectedText"
                text: tablet.rejectionText
                font.pixelSize: Theme.body
                color: Theme.text
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            TouchButton { objectName: "orderRejectedButton"; text: qsTr("Back to my order"); Layout.fillWidth: true; Layout.preferredHeight: 72; fontSize: Theme.title; onClicked: dialog.close() }
        }
    }
}
