import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TableOrder.Ui

// The four languages, each named in itself, so any guest finds theirs with one tap.
// Switching changes the screen's texts and the menu's names at once, with no request.
// Wide (landscape): the four side by side. Compact (portrait): one button naming the current
// language opens a small chooser, so the store's name keeps the header's room.
Rectangle {
    id: root
    property bool compact: false

    implicitWidth: compact ? compactButton.implicitWidth + 8 : row.implicitWidth + 8
    implicitHeight: 56
    radius: 14
    color: "#3A332C"

    readonly property var languages: [
        { code: "ko", label: "한국어" },
        { code: "en", label: "English" },
        { code: "zh", label: "中文" },
        { code: "ja", label: "日本語" }
    ]
    readonly property var shortLabels: ({ ko: "한국어", en: "EN", zh: "中文", ja: "日本語" })

    Row {
        id: row
        visible: !root.compact
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
                    text: root.shortLabels[modelData.code]
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

    // Compact: the current language and an arrow; a tap opens the chooser below it.
    Rectangle {
        id: compactButton
        objectName: "languageButton"
        visible: root.compact
        anchors.centerIn: parent
        implicitWidth: compactRow.implicitWidth + 28
        width: implicitWidth
        height: 48
        radius: 10
        color: compactTap.pressed || chooser.visible ? "#4A423A" : "transparent"
        // What the button says, for tests and accessibility: the current language's name.
        readonly property string text: root.shortLabels[tablet.language] || tablet.language
        Accessible.role: Accessible.Button
        Accessible.name: text
        Row {
            id: compactRow
            anchors.centerIn: parent
            spacing: 8
            Text {
                textFormat: Text.PlainText
                text: compactButton.text
                color: "white"
                font.pixelSize: Theme.small + 1
                font.weight: Font.Bold
                anchors.verticalCenter: parent.verticalCenter
            }
            Text {
                textFormat: Text.PlainText
                text: "▾"
                color: "white"
                font.pixelSize: Theme.small
                anchors.verticalCenter: parent.verticalCenter
            }
        }
        MouseArea {
            id: compactTap
            anchors.fill: parent
            onClicked: chooser.visible ? chooser.close() : chooser.open()
        }
    }

    Popup {
        id: chooser
        objectName: "languageChooser"
        y: root.height + 8
        x: root.width - width
        width: 220
        padding: 8
        modal: false
        closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutsideParent
        background: Rectangle {
            radius: 16
            color: Theme.surface
            border.width: 1
            border.color: Theme.line
        }
        contentItem: Column {
            spacing: 4
            Repeater {
                model: root.languages
                delegate: Rectangle {
                    objectName: "language-" + modelData.code
                    readonly property bool current: tablet.language === modelData.code
                    width: chooser.availableWidth
                    height: Theme.touch
                    radius: 10
                    color: current ? Theme.accentSoft : (choiceTap.pressed ? Theme.surfaceAlt : "transparent")
                    Text {
                        textFormat: Text.PlainText
                        anchors.left: parent.left
                        anchors.leftMargin: 16
                        anchors.verticalCenter: parent.verticalCenter
                        text: modelData.label
                        color: Theme.text
                        font.pixelSize: Theme.body
                        font.weight: parent.current ? Font.Bold : Font.Normal
                    }
                    Text {
                        textFormat: Text.PlainText
                        visible: parent.current
                        anchors.right: parent.right
                        anchors.rightMargin: 16
                        anchors.verticalCenter: parent.verticalCenter
                        text: "✓"
                        color: Theme.accent
                        font.pixelSize: Theme.body
                        font.weight: Font.Bold
                    }
                    MouseArea {
                        id: choiceTap
                        anchors.fill: parent
                        onClicked: {
                            tablet.setLanguage(modelData.code)
                            chooser.close()
                        }
                    }
                }
            }
        }
    }
}
