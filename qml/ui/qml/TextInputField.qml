import QtQuick
import QtQuick.Controls

// A labelled, touch-sized text field.
Column {
    id: field
    property alias label: caption.text
    property alias text: input.text
    property alias placeholder: input.placeholderText
    property alias echoMode: input.echoMode
    property alias inputMethodHints: input.inputMethodHints
    property alias input: input
    property bool dark: false
    spacing: 6
    Text {
        id: caption
        textFormat: Text.PlainText
        font.pixelSize: Theme.small
        font.weight: Font.DemiBold
        color: field.dark ? Theme.kTextMuted : Theme.textMuted
    }
    TextField {
        id: input
        width: field.width
        height: Theme.touch
        font.pixelSize: Theme.body
        color: field.dark ? Theme.kText : Theme.text
        placeholderTextColor: field.dark ? "#6B7380" : "#B1A89C"
        leftPadding: 16
        background: Rectangle {
            radius: 10
            color: field.dark ? Theme.kCard : Theme.surface
            border.width: input.activeFocus ? 2 : 1
            border.color: input.activeFocus ? Theme.accent : (field.dark ? Theme.kLine : Theme.line)
        }
    }
}
