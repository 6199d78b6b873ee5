import QtQuick
import QtQuick.Layouts
import TableOrder.Ui

// Above the menu: the allergen filter's button, and what it hides while it is on.
Rectangle {
    id: bar
    signal filterClicked()
    readonly property var hidden: tablet.menu.hiddenAllergens
    implicitHeight: 68
    color: hidden.length > 0 ? Theme.warningSoft : Theme.background

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 20
        anchors.rightMargin: 12
        spacing: 12
        Text {
            objectName: "filterSummary"
            textFormat: Text.PlainText
            visible: bar.hidden.length > 0
            text: qsTr("Hiding %n dish(es) with the allergens you chose", "", tablet.menu.hiddenCount)
            font.pixelSize: Theme.small + 1
            font.weight: Font.DemiBold
            color: Theme.text
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Item { visible: bar.hidden.length === 0; Layout.fillWidth: true }
        TouchButton {
            objectName: "allergenFilterButton"
            variant: bar.hidden.length > 0 ? "primary" : "secondary"
            fontSize: Theme.small + 2
            Layout.preferredHeight: 52
            text: bar.hidden.length > 0 ? qsTr("Allergy filter (%1)").arg(bar.hidden.length) : qsTr("Allergy filter")
            onClicked: bar.filterClicked()
        }
    }
}
