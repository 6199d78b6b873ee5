import QtQuick
import QtQuick.Layouts
import TableOrder.Ui

// After a tap: what happened, and a big Undo while the change has not been sent.
Rectangle {
    id: bar
    objectName: "undoBar"
    visible: kitchen.board.undoOrderId > 0
    width: 620
    height: 84
    radius: 20
    color: "#F1F3F5"

    property double started: 0
    Connections {
        target: kitchen.board
        function onUndoChanged() { bar.started = Date.now(); shrink.restart() }
    }
    Rectangle {
        id: progress
        anchors.left: parent.left
        anchors.bottom: parent.bottom
        anchors.margins: 6
        height: 6
        radius: 3
        color: Theme.kNew
        width: parent.width - 12
        NumberAnimation on width { id: shrink; from: bar.width - 12; to: 0; duration: kitchen.board.undoWindowMs; running: false }
    }
    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 28
        anchors.rightMargin: 12
        Text { textFormat: Text.PlainText; text: kitchen.board.undoText; color: "#101214"; font.pixelSize: Theme.title; font.weight: Font.Bold; Layout.fillWidth: true }
        TouchButton {
            objectName: "undoButton"
            text: qsTr("Undo")
            variant: "dark"
            tint: "#101214"
            fontSize: Theme.title
            Layout.preferredWidth: 200
            Layout.preferredHeight: 64
            onClicked: kitchen.board.undo()
        }
    }
}
