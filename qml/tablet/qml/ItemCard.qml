import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TableOrder.Ui

// One menu item: picture with its tags, name, description, price, and a big add button.
// Sold-out items and items outside their hours stay on the menu, greyed out, so guests see
// what is missing (and when it comes back). A tap on the card opens its sheet (allergens,
// options, a note); "+ Add" adds it at once unless it has options to choose.
Item {
    id: cardRoot
    readonly property int inCart: tablet.cart.quantity >= 0 ? tablet.cart.quantityOf(itemId) : 0

    AbstractButton {
        id: card
        objectName: "menuItem-" + itemId
        anchors.fill: parent
        anchors.margins: 8
        onClicked: tablet.openItem(itemId)

        background: Rectangle {
            radius: Theme.radius
            color: Theme.surface
            border.width: cardRoot.inCart > 0 ? 3 : 1
            border.color: cardRoot.inCart > 0 ? Theme.accent : Theme.line
            scale: card.down ? 0.98 : 1.0
            Behavior on scale { NumberAnimation { duration: 80 } }
        }

        contentItem: ColumnLayout {
            spacing: 6
            Item {
                Layout.fillWidth: true
                Layout.preferredHeight: Math.round(width * 0.62)
                Rectangle {
                    anchors.fill: parent
                    anchors.margins: 2
                    radius: 10
                    color: "#EFE8DE"
                    clip: true
                    Image {
                        id: picture
                        anchors.fill: parent
                        // Only once laid out: a request at size 0 would decode the full
                        // picture first and cache it next to the one at the shown size.
                        source: width > 0 ? thumbnailUrl : ""
                        fillMode: Image.PreserveAspectCrop
                        asynchronous: true
                        cache: true
                        // Decoded at the size it is shown: no scaling per frame (the software
                        // renderer pays for that on every frame) and a quarter of the memory.
                        sourceSize.width: Math.round(width)
                        sourceSize.height: Math.round(height)
                        opacity: orderable ? 1.0 : 0.35
                    }
                }
                Flow {
                    anchors.left: parent.left
                    anchors.top: parent.top
                    anchors.right: parent.right
                    anchors.margins: 8
                    anchors.rightMargin: 64
                    spacing: 6
                    Repeater {
                        model: tags
                        delegate: TagBadge { tag: modelData }
                    }
                }
                Rectangle {
                    visible: available && !availableNow
                    anchors.centerIn: parent
                    width: Math.min(parent.width - 16, notNowLabel.implicitWidth + 36)
                    height: notNowLabel.implicitHeight + 20
                    radius: 16
                    color: "#CC2B2520"
                    Text {
                        id: notNowLabel
                        objectName: "notNow-" + itemId
                        textFormat: Text.PlainText
                        anchors.centerIn: parent
                        width: Math.min(implicitWidth, parent.parent.width - 52)
                        horizontalAlignment: Text.AlignHCenter
                        text: nextAvailableText.length > 0 ? qsTr("Not now · from %1").arg(nextAvailableText)
                                                           : qsTr("Not available now")
                        color: "white"
                        font.pixelSize: Theme.body
                        font.weight: Font.Bold
                        wrapMode: Text.WordWrap
                    }
                }
                Rectangle {
                    visible: orderable && lowStock
                    anchors.left: parent.left
                    anchors.bottom: parent.bottom
                    anchors.margins: 8
                    width: stockLabel.implicitWidth + 20
                    height: 32
                    radius: 16
                    color: Theme.warning
                    Text {
                        id: stockLabel
                        objectName: "stockLeft-" + itemId
                        textFormat: Text.PlainText
                        anchors.centerIn: parent
                        text: qsTr("Only %1 left").arg(stock)
                        color: "white"
                        font.pixelSize: Theme.small
                        font.weight: Font.Bold
                    }
                }
                Rectangle {
                    visible: !available
                    anchors.centerIn: parent
                    width: soldOutLabel.implicitWidth + 40
                    height: 52
                    radius: 26
                    color: "#CC2B2520"
                    Text {
                        id: soldOutLabel
                        textFormat: Text.PlainText
                        objectName: "soldOut-" + itemId
                        anchors.centerIn: parent
                        text: qsTr("Sold out")
                        color: "white"
                        font.pixelSize: Theme.title
                        font.weight: Font.Bold
                    }
                }
                Rectangle {
                    visible: cardRoot.inCart > 0
                    anchors.top: parent.top
                    anchors.right: parent.right
                    anchors.margins: 10
                    width: 48; height: 48; radius: 24
                    color: Theme.accent
                    border.width: 3
                    border.color: "white"
                    Text {
                        textFormat: Text.PlainText
                        anchors.centerIn: parent
                        text: cardRoot.inCart
                        color: "white"
                        font.pixelSize: Theme.title - 4
                        font.weight: Font.Bold
                    }
                }
            }
            Text {
                textFormat: Text.PlainText
                text: name
                font.pixelSize: 22
                font.weight: Font.Bold
                color: orderable ? Theme.text : Theme.textMuted
                // Longer names (English, Japanese) shrink a little before they are cut.
                fontSizeMode: Text.HorizontalFit
                minimumPixelSize: 16
                elide: Text.ElideRight
                Layout.fillWidth: true
                Layout.leftMargin: 8
                Layout.rightMargin: 8
            }
            Text {
                textFormat: Text.PlainText
                text: description
                font.pixelSize: Theme.small
                color: Theme.textMuted
                wrapMode: Text.WordWrap
                maximumLineCount: 2
                elide: Text.ElideRight
                Layout.fillWidth: true
                Layout.preferredHeight: 50
                Layout.leftMargin: 8
                Layout.rightMargin: 8
            }
            Item { Layout.fillHeight: true }
            RowLayout {
                Layout.fillWidth: true
                Layout.leftMargin: 8
                Layout.rightMargin: 6
                Layout.bottomMargin: 6
                Text {
                    textFormat: Text.PlainText
                    text: priceText
                    font.pixelSize: 24
                    font.weight: Font.Bold
                    color: orderable ? Theme.text : Theme.textMuted
                    font.strikeout: !available
                    Layout.fillWidth: true
                }
                TouchButton {
                    objectName: "addItem-" + itemId
                    implicitWidth: Math.max(Theme.touch, contentItem.implicitWidth + 28)
                    text: available ? qsTr("+ Add") : qsTr("Sold out")
                    enabled: orderable && (stock < 0 || cardRoot.inCart < stock)
                    Layout.preferredHeight: Theme.touch
                    onClicked: hasOptions ? tablet.openItem(itemId) : tablet.cart.add(itemId)
                }
            }
        }
    }
}
