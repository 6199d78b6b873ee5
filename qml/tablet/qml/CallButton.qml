import QtQuick
import TableOrder.Ui

// 직원 호출: opens the chooser of reasons. A dot says a call is still active.
TouchButton {
    id: button
    objectName: "callButton"
    signal chooserRequested()
    variant: "primary"
    text: qsTr("Call staff")
    onClicked: button.chooserRequested()
    Rectangle {
        visible: tablet.staffCalls.calls.length > 0
        width: 16; height: 16; radius: 8
        color: "white"
        border.width: 3
        border.color: Theme.accent
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: 6
    }
}
