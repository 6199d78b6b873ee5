import QtQuick
import TableOrder.Ui

// A short message at the bottom that goes away by itself.
Rectangle {
    id: toast
    objectName: "toast"
    function show(message) { label.text = message; opacity = 1; hideTimer.restart() }
    anchors.horizontalCenter: parent.horizontalCenter
    anchors.bottom: parent.bottom
    anchors.bottomMargin: 140
    width: label.implicitWidth + 64
    height: 72
    radius: 36
    color: Theme.success
    opacity: 0
    visible: opacity > 0
    Behavior on opacity { NumberAnimation { duration: 200 } }
    Text { id: label; textFormat: Text.PlainText; anchors.centerIn: parent; color: "white"; font.pixelSize: Theme.title; font.weight: Font.Bold }
    Timer { id: hideTimer; interval: 3500; onTriggered: toast.opacity = 0 }
}
