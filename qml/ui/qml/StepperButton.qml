import QtQuick
import QtQuick.Controls

// A round +/- control for quantities, 56 px so a thumb hits it.
AbstractButton {
    id: control
    property string symbol: "+"
    property bool dark: false
    implicitWidth: Theme.touch
    implicitHeight: Theme.touch
    focusPolicy: Qt.NoFocus
    contentItem: Text {
        textFormat: Text.PlainText
        text: control.symbol
        font.pixelSize: 30
        font.weight: Font.Bold
        color: control.dark ? Theme.kText : (control.enabled ? Theme.accent : Theme.textMuted)
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
    }
    background: Rectangle {
        radius: width / 2
        color: control.down ? (control.dark ? Theme.kLine : Theme.accentSoft) : (control.dark ? Theme.kCardAlt : Theme.surface)
        border.width: 2
        border.color: control.dark ? Theme.kLine : Theme.line
    }
}
