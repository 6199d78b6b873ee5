import QtQuick
import QtQuick.Layouts

// A full-width status strip: offline, retrying, an alert. Never hover-only: it stays
// until its condition ends.
Rectangle {
    id: banner
    property alias text: label.text
    property alias detail: detailLabel.text
    property color tint: Theme.danger
    property bool pulsing: false
    implicitHeight: Math.max(Theme.touch, row.implicitHeight + 16)
    color: tint

    SequentialAnimation on opacity {
        running: banner.pulsing && banner.visible
        loops: Animation.Infinite
        NumberAnimation { to: 0.75; duration: 700 }
        NumberAnimation { to: 1.0; duration: 700 }
    }

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: 24
        anchors.rightMargin: 24
        spacing: 16
        Text {
            id: label
            textFormat: Text.PlainText
            color: "white"
            font.pixelSize: Theme.body
            font.weight: Font.Bold
            Layout.fillWidth: detailLabel.text.length === 0
            elide: Text.ElideRight
        }
        Text {
            id: detailLabel
            textFormat: Text.PlainText
            color: "white"
            opacity: 0.9
            font.pixelSize: Theme.small + 2
            Layout.fillWidth: true
            elide: Text.ElideRight
            visible: text.length > 0
        }
    }
}
