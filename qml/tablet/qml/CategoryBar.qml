import QtQuick
import QtQuick.Controls
import TableOrder.Ui

// The menu's categories: a column beside the menu (landscape) or a row above it (portrait).
Rectangle {
    id: bar
    property bool horizontal: false
    color: Theme.surfaceAlt

    ListView {
        id: list
        anchors.fill: parent
        anchors.margins: 12
        orientation: bar.horizontal ? ListView.Horizontal : ListView.Vertical
        spacing: 10
        clip: true
        model: tablet.categories
        boundsBehavior: Flickable.StopAtBounds
        delegate: AbstractButton {
            id: button
            objectName: "category-" + categoryId
            readonly property bool current: tablet.menu.categoryId === categoryId
            width: bar.horizontal ? Math.max(120, label.implicitWidth + 48) : list.width
            height: bar.horizontal ? list.height : 72
            onClicked: tablet.selectCategory(categoryId)
            background: Rectangle {
                radius: 14
                color: button.current ? Theme.accent : (button.down ? Theme.accentSoft : Theme.surface)
                border.width: button.current ? 0 : 1
                border.color: Theme.line
            }
            contentItem: Item {
                Text {
                    id: label
                    textFormat: Text.PlainText
                    anchors.centerIn: parent
                    // Long names (e.g. 本日のおすすめ in the side column) shrink to fit.
                    width: bar.horizontal ? implicitWidth : Math.min(implicitWidth, button.width - 16)
                    fontSizeMode: bar.horizontal ? Text.FixedSize : Text.HorizontalFit
                    minimumPixelSize: 14
                    text: name
                    color: button.current ? "white" : Theme.text
                    font.pixelSize: Theme.title - 2
                    font.weight: button.current ? Font.Bold : Font.DemiBold
                }
            }
        }
    }
    Rectangle {
        visible: !bar.horizontal
        anchors.right: parent.right
        width: 1; height: parent.height
        color: Theme.line
    }
}
