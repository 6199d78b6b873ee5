import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TableOrder.Ui

// Sold-out switches (kitchen and manager) and, for the manager, which station cooks each
// category.
Item {
    id: page
    objectName: "menuPage"

    function stationLabel(name) {
        switch (name) {
        case "kitchen": return qsTr("Kitchen")
        case "bar": return qsTr("Bar")
        case "dessert": return qsTr("Dessert")
        }
        return name
    }

    ListView {
        id: list
        anchors.fill: parent
        anchors.margins: 12
        clip: true
        spacing: 6
        model: kitchen.menu
        section.property: "categoryName"
        section.criteria: ViewSection.FullString
        section.delegate: Rectangle {
            required property string section
            width: list.width
            height: 76
            color: Theme.kBackground
            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: 8
                spacing: 10
                Text { textFormat: Text.PlainText; text: section; color: Theme.kText; font.pixelSize: Theme.title; font.weight: Font.Bold; Layout.preferredWidth: 220 }
                Text { textFormat: Text.PlainText; visible: kitchen.isManager; text: qsTr("Station:"); color: Theme.kTextMuted; font.pixelSize: Theme.body }
                Repeater {
                    model: kitchen.isManager ? kitchen.knownStations : []
                    delegate: TouchButton {
                        readonly property string current: page.categoryStation(section)
                        objectName: "stationFor-" + section + "-" + modelData
                        variant: "dark"
                        tint: current === modelData ? "#2F5C8F" : Theme.kCard
                        textColor: current === modelData ? "white" : Theme.kTextMuted
                        text: page.stationLabel(modelData)
                        fontSize: Theme.body - 2
                        onClicked: kitchen.setCategoryStation(page.categoryId(section), modelData)
                    }
                }
                Item { Layout.fillWidth: true }
            }
        }
        delegate: Rectangle {
            width: list.width
            height: 76
            radius: 12
            color: available ? Theme.kCard : "#3A2323"
            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: 20
                anchors.rightMargin: 10
                spacing: 16
                Image {
                    source: thumbnailUrl
                    Layout.preferredWidth: 88
                    Layout.preferredHeight: 60
                    fillMode: Image.PreserveAspectCrop
                    asynchronous: true
                    sourceSize.width: 176
                    opacity: available ? 1 : 0.4
                }
                Text { textFormat: Text.PlainText; text: name; color: available ? Theme.kText : Theme.kTextMuted; font.pixelSize: Theme.title - 2; font.weight: Font.DemiBold; Layout.fillWidth: true; elide: Text.ElideRight }
                Text { textFormat: Text.PlainText; text: priceText; color: Theme.kTextMuted; font.pixelSize: Theme.body; Layout.preferredWidth: 120; horizontalAlignment: Text.AlignRight }
                TouchButton {
                    objectName: "soldOutToggle-" + itemId
                    Layout.preferredWidth: 220
                    variant: "dark"
                    tint: available ? Theme.kCardAlt : Theme.kVeryLate
                    textColor: available ? Theme.kDone : "white"
                    text: available ? "● " + qsTr("Available") : qsTr("SOLD OUT")
                    fontSize: Theme.body
                    onClicked: kitchen.setAvailable(itemId, !available)
                }
            }
        }
    }

    function categoryStation(name) {
        for (let i = 0; i < categoryList.count; ++i) {
            const c = categoryList.itemAt(i)
            if (c && c.catName === name)
                return c.catStation
        }
        return "kitchen"
    }
    function categoryId(name) {
        for (let i = 0; i < categoryList.count; ++i) {
            const c = categoryList.itemAt(i)
            if (c && c.catName === name)
                return c.catId
        }
        return 0
    }
    // A hidden mirror of the categories so sections can look up their id and station.
    Repeater {
        id: categoryList
        model: kitchen.categories
        delegate: Item {
            visible: false
            property string catName: name
            property string catStation: station
            property var catId: categoryId
        }
    }
}
