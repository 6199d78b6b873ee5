import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TableOrder.Ui

// The allergen filter: the guests tick what they must avoid and every dish that contains
// any of it leaves the menu until they untick it.
Popup {
    id: popup
    objectName: "allergenFilter"
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent.width - 48, 760)
    modal: true
    padding: 28
    background: Rectangle { radius: 24; color: Theme.surface }

    readonly property var codes: ["egg", "milk", "buckwheat", "peanut", "soybean", "wheat", "mackerel",
        "crab", "shrimp", "pork", "peach", "tomato", "sulfites", "walnut", "chicken", "beef", "squid",
        "shellfish", "pine_nut"]

    contentItem: ColumnLayout {
        spacing: 18
        Text {
            textFormat: Text.PlainText
            text: qsTr("Hide dishes that contain")
            font.pixelSize: Theme.headline
            font.weight: Font.Bold
            color: Theme.text
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Text {
            textFormat: Text.PlainText
            text: qsTr("Based on the restaurant's labels. Please tell staff about serious allergies.")
            font.pixelSize: Theme.small + 1
            color: Theme.textMuted
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Flow {
            Layout.fillWidth: true
            spacing: 10
            Repeater {
                model: popup.codes
                delegate: AbstractButton {
                    id: toggle
                    objectName: "allergenToggle-" + modelData
                    readonly property bool on: tablet.menu.hiddenAllergens.indexOf(modelData) >= 0
                    implicitWidth: chip.implicitWidth
                    implicitHeight: Theme.touch
                    onClicked: tablet.menu.toggleHiddenAllergen(modelData)
                    AllergenChip {
                        id: chip
                        code: modelData
                        dark: toggle.on
                        large: true
                        anchors.verticalCenter: parent.verticalCenter
                    }
                }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: 16
            TouchButton {
                objectName: "allergenShowAll"
                text: qsTr("Show all dishes")
                variant: "secondary"
                enabled: tablet.menu.hiddenAllergens.length > 0
                Layout.fillWidth: true
                onClicked: tablet.menu.hiddenAllergens = []
            }
            TouchButton {
                objectName: "allergenDone"
                text: qsTr("Done")
                Layout.fillWidth: true
                onClicked: popup.close()
            }
        }
    }
}
