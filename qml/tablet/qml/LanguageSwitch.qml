import QtQuick
import QtQuick.Layouts
import TableOrder.Ui

// The four languages side by side, each named in itself, so any guest finds theirs with one
// tap. Switching changes the screen's texts and the menu's names at once, with no request.
Rectangle {
    id: root
    implicitWidth: row.implicitWidth + 8
    implicitHeight: 56
    radius: 14
    color: "#3A332C"

    readonly property var languages: [
        { code: "ko", label: "한국어" },
        { code: "en", label: "EN" },
        { code: "zh", label: "中文" },
        { code: "ja", label: "日本語" }
    ]

    Row {
        id: row
        anchors.centerIn: parent
        spacing: 2
        Repeater {
            model: root.languages
            delegate: Rectangle {
                objectName: "language-" + modelData.code
                readonly property bool current: tablet.language === modelData.code
                width: Math.max(52, label.implicitWidth + 20)
                height: 48
                radius: 10
                color: current ? "white" : (tap.pressed ? "#4A423A" : "transparent")
                Text {
                    id: label
                    textFormat: Text.PlainText
                    anchors.centerIn: parent
                    text: modelData.label
                    color: parent.current ? Theme.ink : "white"
                    font.pixelSize: Theme.small + 1
                    font.weight: parent.current ? Font.Bold : Font.DemiBold
                }
                MouseArea {
                    id: tap
                    anchors.fill: parent
                    onClicked: tablet.setLanguage(modelData.code)
                }
            }
        }
    }
}
