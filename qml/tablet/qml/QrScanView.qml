import QtQuick
import QtMultimedia
import TableOrder.Ui

// Full-screen camera preview for "Scan pairing QR": the controller's scanner reads the
// frames and reports the first pairing link it sees (the setup screen then pairs).
Rectangle {
    id: view
    signal closed()
    color: "black"

    CaptureSession {
        camera: Camera { active: true }
        videoOutput: preview
    }
    VideoOutput {
        id: preview
        anchors.fill: parent
        fillMode: VideoOutput.PreserveAspectCrop
        Component.onCompleted: tablet.scanner.videoSink = preview.videoSink
        Component.onDestruction: tablet.scanner.videoSink = null
    }
    // Where to hold the code.
    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width, parent.height) * 0.6
        height: width
        color: "transparent"
        border.width: 4
        border.color: "white"
        radius: 16
    }
    Text {
        textFormat: Text.PlainText
        anchors.top: parent.top
        anchors.topMargin: 40
        anchors.horizontalCenter: parent.horizontalCenter
        text: qsTr("Hold the manager screen's pairing QR in the square")
        color: "white"
        font.pixelSize: Theme.title
    }
    TouchButton {
        anchors.bottom: parent.bottom
        anchors.bottomMargin: 40
        anchors.horizontalCenter: parent.horizontalCenter
        variant: "secondary"
        text: qsTr("Cancel")
        onClicked: view.closed()
    }
}
