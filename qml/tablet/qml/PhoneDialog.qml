import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TableOrder.Ui
import TableOrder.Tablet

// Order from your phone too (issue 16): the QR of this table's order page with the current
// visit's code. It changes with every visit, so it is read again while the dialog is open.
Popup {
    id: dialog
    objectName: "phoneDialog"
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent.width - 48, 560)
    height: Math.min(parent.height - 48, content.implicitHeight + 64)
    modal: true
    padding: 32
    background: Rectangle { radius: 24; color: Theme.surface }

    readonly property var phone: tablet.phoneCode

    onAboutToShow: phone.refresh()
    Timer { interval: 10000; repeat: true; running: dialog.visible; onTriggered: dialog.phone.refresh() }

    ColumnLayout {
        id: content
        anchors.fill: parent
        spacing: 16
        Text {
            textFormat: Text.PlainText
            text: qsTr("Order from your phone")
            font.pixelSize: Theme.title
            font.weight: Font.Bold
            color: Theme.text
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Text {
            textFormat: Text.PlainText
            text: qsTr("Scan this code with your phone's camera to see the menu and order for this table on your phone.")
            font.pixelSize: Theme.body
            color: Theme.textMuted
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        QrCode {
            objectName: "phoneQr"
            text: dialog.phone.url
            visible: dialog.phone.url.length > 0
            Layout.preferredWidth: 300
            Layout.preferredHeight: 300
            Layout.alignment: Qt.AlignHCenter
        }
        Text {
            objectName: "phoneCode"
            textFormat: Text.PlainText
            visible: dialog.phone.code.length > 0
            text: dialog.phone.code
            font.pixelSize: Theme.title
            font.weight: Font.Bold
            font.letterSpacing: 4
            color: Theme.text
            Layout.alignment: Qt.AlignHCenter
        }
        Text {
            textFormat: Text.PlainText
            visible: dialog.phone.failed
            text: qsTr("Ordering by phone is not available right now.")
            font.pixelSize: Theme.body
            color: Theme.danger
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        TouchButton { objectName: "phoneClose"; text: qsTr("Close"); variant: "secondary"; Layout.fillWidth: true; onClicked: dialog.close() }
    }
}
