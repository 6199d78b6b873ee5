import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TableOrder.Ui

// Landscape: the cart beside the menu, always visible.
Rectangle {
    id: panel
    signal orderClicked()
    color: Theme.surfaceAlt

    Rectangle { anchors.left: parent.left; width: 1; height: parent.height; color: Theme.line }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 12

        RowLayout {
            Layout.fillWidth: true
            Text {
                textFormat: Text.PlainText
                text: qsTr("Your order")
                font.pixelSize: Theme.title
                font.weight: Font.Bold
                color: Theme.text
                Layout.fillWidth: true
            }
            ClearCartButton {}
        }
        CartRestoreBar { Layout.fillWidth: true }

        ListView {
            id: lines
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 10
            model: tablet.cart
            delegate: CartLine { width: lines.width }
            Text {
                textFormat: Text.PlainText
                anchors.centerIn: parent
                width: parent.width - 32
                visible: tablet.cart.count === 0 && !tablet.cart.canRestore
                text: qsTr("Tap a dish to add it here.")
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.body
                color: Theme.textMuted
            }
        }

        Rectangle { Layout.fillWidth: true; height: 1; color: Theme.line }
        RowLayout {
            Layout.fillWidth: true
            Text {
                textFormat: Text.PlainText
                text: qsTr("Total")
                font.pixelSize: Theme.title
                color: Theme.text
                Layout.fillWidth: true
            }
            Text {
                textFormat: Text.PlainText
                objectName: "cartTotal"
                text: tablet.cart.totalText
                font.pixelSize: Theme.headline
                font.weight: Font.Bold
                color: Theme.text
            }
        }
        TouchButton {
            objectName: "cartOrderButton"
            Layout.fillWidth: true
            Layout.preferredHeight: 80
            fontSize: Theme.title
            enabled: tablet.cart.orderable && !tablet.submitter.busy
            text: tablet.submitter.busy ? qsTr("Sending your order…")
                                        : tablet.cart.count > 0 ? qsTr("Order %1 items").arg(tablet.cart.quantity)
                                                                : qsTr("Order")
            onClicked: panel.orderClicked()
        }
    }
}
