import QtQuick
import QtQuick.Controls
import TableOrder.Ui

// A toggle for the menu editor's choices (allergens, tags, days, option groups): lit when on.
TouchButton {
    property bool on: false
    variant: "dark"
    implicitHeight: 44
    radius: 10
    tint: on ? "#2F5C8F" : Theme.kCard
    textColor: on ? "white" : Theme.kTextMuted
    fontSize: Theme.small
    text: ""
}
