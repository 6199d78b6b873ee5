import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TableOrder.Ui

// A dark text field for the menu editor, with a caption above only when it has one.
ColumnLayout {
    id: field
    property alias label: caption.text
    property alias text: input.text
    property alias placeholder: input.placeholderText
    property alias inputMethodHints: input.inputMethodHints
    property alias input: input
    spacing: 4
    Text {
        id: caption
        visible: text.length > 0
        textFormat: Text.PlainText
        font.pixelSize: Theme.small
        font.weight: Font.DemiBold
        color: Theme.kTextMuted
    }
    TextField {
        id: input
        Layout.fillWidth: true
        implicitHeight: 48
        font.pixelSize: Theme.body - 2
        color: Theme.kText
        placeholderTextColor: "#7D8693"
        leftPadding: 12
        rightPadding: 8
        background: Rectangle {
            radius: 10
            color: Theme.kCard
            border.width: input.activeFocus ? 2 : 1
            border.color: input.activeFocus ? Theme.accent : Theme.kLine
        }
    }
}
