import QtQuick
import QtQuick.Controls

// A big, plain button: a whole-area tap target at least Theme.touch high.
// variant: "primary", "secondary", "danger", "ghost", "dark", "success"
Button {
    id: control
    property string variant: "primary"
    property color tint: variant === "primary" ? Theme.accent
                       : variant === "danger" ? Theme.danger
                       : variant === "success" ? Theme.success
                       : variant === "dark" ? Theme.kCardAlt
                       : variant === "ghost" ? "transparent" : Theme.surface
    property color textColor: (variant === "secondary" || variant === "ghost") ? Theme.text : "white"
    property int fontSize: Theme.body
    property int radius: Theme.radius

    implicitHeight: Theme.touch
    implicitWidth: Math.max(Theme.touch, contentItem.implicitWidth + 2 * 24)
    focusPolicy: Qt.NoFocus
    font.pixelSize: fontSize
    font.weight: Font.DemiBold

    contentItem: Text {
        textFormat: Text.PlainText
        text: control.text
        font: control.font
        color: control.enabled ? control.textColor : Qt.rgba(control.textColor.r, control.textColor.g, control.textColor.b, 0.5)
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
    background: Rectangle {
        radius: control.radius
        color: !control.enabled ? (control.variant === "dark" ? Theme.kCard : "#D9D2C8")
             : control.down ? Qt.darker(control.tint, 1.18) : control.tint
        border.width: control.variant === "secondary" ? 2 : 0
        border.color: Theme.line
    }
}
