import QtQuick
import QtQuick.Layouts

// A full-width status strip: offline, retrying, an alert. Never hover-only: it stays
// until its condition ends. Its text is white at full opacity on a tint dark enough for
// WCAG AA (Theme.dangerStrong: 6.6:1); `pulsing` animates a dot, never the text.
Rectangle {
    id: banner
    property alias text: label.text
    property alias detail: detailLabel.text
    property color tint: Theme.dangerStrong
    property bool pulsing: false
    implicitHeight: Math.max(Theme.touch, row.implicitHeight + 16)
    color: tint

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: 24
        anchors.rightMargin: 24
        spacing: 16
        Rectangle {
            visible: banner.pulsing
            width: 14; height: 14; radius: 7
            color: "white"
            SequentialAnimation on opacity {
                running: banner.pulsing && banner.visible
                loops: Animation.Infinite
                NumberAnimation { to: 0.3; duration: 700 }
                NumberAnimation { to: 1.0; duration: 700 }
            }
        }
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
            font.pixelSize: Theme.small + 2
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            visible: text.length > 0
        }
    }
}
