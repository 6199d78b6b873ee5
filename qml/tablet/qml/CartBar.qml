import QtQuick
import QtQuick.Layouts
import TableOrder.Ui

// Portrait: the cart as a bar under the menu; a tap opens it.
Rectangle {
    id: bar
    signal openClicked()
    signal callClicked()
    implicitHeight: 112
    color: Theme.ink

    RowLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 16
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            Text {
                textFormat: Text.PlainText
                text: tablet.cart.quantity > 0 ? qsTr("%1 items in your order").arg(tablet.cart.quantity)
                                               : qsTr("Tap a dish to add it")
                color: "#D9D1C7"
                font.pixelSize: Theme.body
                Layout.fillWidth: true
            }
            Text {
                textFormat: Text.PlainText
                text: tablet.cart.totalText
                color: "white"
                font.pixelSize: Theme.headline
                font.weight: Font.Bold
                Layout.fillWidth: true
            }
        }
        CallButton {
            Layout.preferredHeight: 76
            fontSize: Theme.title
            onChooserRequested: bar.callClicked()
        }
        TouchButton {
            objectName: "cartOpenButton"
            Layout.preferredHeight: 76
            Layout.preferredWidth: 260
            fontSize: Theme.title
            enabled: tablet.cart.count > 0
            text: qsTr("View order")
            onClicked: bar.openClicked()
        }
    }
}
