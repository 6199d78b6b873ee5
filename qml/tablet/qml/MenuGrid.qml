import QtQuick
import QtQuick.Controls
import TableOrder.Ui

// The current category's items as picture cards; a tap on a card adds it to the cart.
GridView {
    id: grid
    objectName: "menuGrid"
    readonly property int columns: Math.max(2, Math.floor((width - 24) / 228))
    cellWidth: Math.floor((width - 24) / columns)
    cellHeight: Math.round((cellWidth - 16) * 0.62) + 184
    leftMargin: 12
    rightMargin: 12
    topMargin: 12
    bottomMargin: 12
    clip: true
    model: tablet.menu
    boundsBehavior: Flickable.StopAtBounds
    cacheBuffer: cellHeight * 2
    reuseItems: true

    delegate: ItemCard {
        width: grid.cellWidth
        height: grid.cellHeight
    }

    ScrollBar.vertical: ScrollBar { width: 10; policy: ScrollBar.AsNeeded }
}
