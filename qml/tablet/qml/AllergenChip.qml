import QtQuick
import TableOrder.Ui

// One allergen from Korea's labelling list, by its code, in the screen's language.
Rectangle {
    id: chip
    property string code
    property bool dark: false
    property bool large: false
    objectName: "allergen-" + code
    implicitWidth: label.implicitWidth + (large ? 36 : 24)
    implicitHeight: large ? 48 : Math.max(34, label.implicitHeight + 10)
    radius: height / 2
    color: dark ? Theme.accent : Theme.surface
    border.width: 1
    border.color: dark ? Theme.accent : Theme.warning

    function label(code) {
        switch (code) {
        case "egg": return qsTr("Egg")
        case "milk": return qsTr("Milk")
        case "buckwheat": return qsTr("Buckwheat")
        case "peanut": return qsTr("Peanut")
        case "soybean": return qsTr("Soybean")
        case "wheat": return qsTr("Wheat")
        case "mackerel": return qsTr("Mackerel")
        case "crab": return qsTr("Crab")
        case "shrimp": return qsTr("Shrimp")
        case "pork": return qsTr("Pork")
        case "peach": return qsTr("Peach")
        case "tomato": return qsTr("Tomato")
        case "sulfites": return qsTr("Sulfites")
        case "walnut": return qsTr("Walnut")
        case "chicken": return qsTr("Chicken")
        case "beef": return qsTr("Beef")
        case "squid": return qsTr("Squid")
        case "shellfish": return qsTr("Shellfish (oyster, abalone, mussel)")
        case "pine_nut": return qsTr("Pine nut")
        }
        return code
    }

    Text {
        id: label
        textFormat: Text.PlainText
        anchors.centerIn: parent
        text: chip.label(chip.code)
        font.pixelSize: chip.large ? Theme.body - 2 : Theme.small
        font.weight: Font.DemiBold
        color: chip.dark ? "white" : Theme.text
    }
}
