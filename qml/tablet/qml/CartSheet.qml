import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TableOrder.Ui

// Portrait: the cart as a sheet rising from the bottom.
Drawer {
    id: sheet
    signal orderClicked()
    edge: Qt.BottomEdge
    width: parent ? parent.width : 800
    height: parent ? parent.height * 0.7 : 800
    dragMargin: 0
    background: Rectangle { color: Theme.surfaceAlt; radius: 24 }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 24
        spacing: 14
        RowLayout {
            Layout.fillWidth: true
            Text { textFormat: Text.PlainText; text: qsTr("Your order"); font.pixelSize: Theme.headline; font.weight: Font.Bold; color: Theme.text; Layout.fillWidth: true }
            ClearCartButton {}
            TouchButton { text: qsTr("Close"); variant: "secondary"; onClicked: sheet.close() }
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
        }
        RowLayout {
            Layout.fillWidth: true
            Text { textFormat: Text.PlainText; text: qsTr("Total"); font.pixelSize: Theme.title; color: Theme.text; Layout.fillWidth: true }
            Text { textFormat: Text.PlainText; text: tablet.cart.totalText; font.pixelSize: Theme.headline; font.weight: Font.Bold; color: Theme.text }
        }
        TouchButton {
            objectName: "sheetOrderButton"
            Layout.fillWidth: true
            Layout.preferredHeight: 84
            fontSize: Theme.title
            enabled: tablet.cart.orderable && !tablet.submitter.busy
            text: qsTr("Order %1 items").arg(tablet.cart.quantity)
            onClicked: sheet.orderClicked()
        }
    }
}
