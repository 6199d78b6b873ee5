import QtQuick
import TableOrder.Ui

// A menu tag (spicy, vegetarian, new, best) as a small coloured badge with a symbol.
Rectangle {
    id: badge
    property string tag
    objectName: "tag-" + tag
    implicitWidth: label.implicitWidth + 20
    implicitHeight: 32
    radius: 16
    color: tag === "spicy" ? "#D2352B" : tag === "vegetarian" ? "#2F8F46"
         : tag === "new" ? "#1F6FB8" : tag === "best" ? "#B7791F" : Theme.textMuted
    border.width: 2
    border.color: "white"

    Text {
        id: label
        textFormat: Text.PlainText
        anchors.centerIn: parent
        text: badge.tag === "spicy" ? "▲ " + qsTr("Spicy")
            : badge.tag === "vegetarian" ? "● " + qsTr("Vegetarian")
            : badge.tag === "new" ? "★ " + qsTr("New")
            : badge.tag === "best" ? "♥ " + qsTr("Best")
            : badge.tag
        color: "white"
        font.pixelSize: Theme.small - 1
        font.weight: Font.Bold
    }
}
