import QtQuick

// A small rounded label (status, station, count).
Rectangle {
    id: pill
    property alias text: label.text
    property color tint: Theme.info
    property color textColor: "white"
    property int fontSize: Theme.small
    implicitWidth: label.implicitWidth + 24
    implicitHeight: Math.max(30, label.implicitHeight + 8)
    radius: height / 2
    color: tint
    Text {
        id: label
        textFormat: Text.PlainText
        anchors.centerIn: parent
        color: pill.textColor
        font.pixelSize: pill.fontSize
        font.weight: Font.DemiBold
    }
}
