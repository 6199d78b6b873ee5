import QtQuick
import QtQuick.Layouts
import TableOrder.Ui

// After "Empty cart": says what happened and offers it back, until the guests add a dish or
// the restore window ends.
Rectangle {
    objectName: "cartRestoreBar"
    visible: tablet.cart.canRestore
    implicitHeight: row.implicitHeight + 20
    radius: Theme.radius
    color: Theme.ink

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: 18
        anchors.rightMargin: 10
        spacing: 12
        Text {
            textFormat: Text.PlainText
            text: qsTr("Cart emptied.")
            color: "white"
            font.pixelSize: Theme.body
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        TouchButton {
            objectName: "restoreCartButton"
            variant: "primary"
            text: qsTr("Undo")
            onClicked: tablet.cart.restore()
        }
    }
}
