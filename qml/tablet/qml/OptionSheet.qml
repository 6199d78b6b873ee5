import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TableOrder.Ui

// An item's sheet: what it is (description, allergens), its option groups (required ones
// marked; one choice = round buttons, several = square ones), a note for the kitchen and
// how many. The price follows every choice; "Add" waits until each required group has one.
Popup {
    id: sheet
    objectName: "optionSheet"
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent.width - 48, 820)
    // As tall as its content, at most the screen: a short sheet does not float in white.
    height: Math.min(parent.height - 48, titleRow.implicitHeight + column.implicitHeight + footer.implicitHeight + 110)
    modal: true
    padding: 0
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    background: Rectangle { radius: 24; color: Theme.surface }

    readonly property var draft: tablet.draft

    function hint(group) {
        if (group.maxSelect === 1)
            return qsTr("Choose 1")
        if (group.minSelect === 0)
            return qsTr("Up to %1").arg(group.maxSelect)
        if (group.minSelect === group.maxSelect)
            return qsTr("Choose %1").arg(group.minSelect)
        return qsTr("Choose %1 to %2").arg(group.minSelect).arg(group.maxSelect)
    }

    onOpened: { noteField.text = ""; body.contentY = 0 }

    contentItem: ColumnLayout {
        spacing: 0

        // Title
        RowLayout {
            id: titleRow
            Layout.fillWidth: true
            Layout.margins: 24
            Layout.bottomMargin: 12
            spacing: 16
            Text {
                objectName: "optionSheetTitle"
                textFormat: Text.PlainText
                text: sheet.draft.name
                font.pixelSize: Theme.headline
                font.weight: Font.Bold
                color: Theme.text
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            TouchButton {
                objectName: "optionSheetClose"
                text: qsTr("Close")
                variant: "secondary"
                onClicked: sheet.close()
            }
        }
        Rectangle { Layout.fillWidth: true; height: 1; color: Theme.line }

        Flickable {
            id: body
            objectName: "optionSheetBody"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentWidth: width
            contentHeight: column.implicitHeight + 32
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar { width: 10; policy: ScrollBar.AsNeeded }

            ColumnLayout {
                id: column
                x: 24
                y: 16
                width: body.width - 48
                spacing: 16

                RowLayout {
                    Layout.fillWidth: true
                    spacing: 18
                    Rectangle {
                        visible: sheet.draft.imageUrl.toString() !== ""
                        Layout.preferredWidth: 200
                        Layout.preferredHeight: 124
                        radius: 12
                        color: "#EFE8DE"
                        clip: true
                        Image {
                            anchors.fill: parent
                            source: sheet.opened ? sheet.draft.imageUrl : ""
                            fillMode: Image.PreserveAspectCrop
                            asynchronous: true
                            sourceSize.width: 400
                            sourceSize.height: 248
                        }
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 8
                        Text {
                            textFormat: Text.PlainText
                            visible: text.length > 0
                            text: sheet.draft.description
                            font.pixelSize: Theme.body
                            color: Theme.textMuted
                            wrapMode: Text.WordWrap
                            Layout.fillWidth: true
                        }
                        Flow {
                            Layout.fillWidth: true
                            spacing: 8
                            Repeater {
                                model: sheet.draft.tags
                                delegate: TagBadge { tag: modelData }
                            }
                        }
                    }
                }

                // Allergens: what the item contains, or that none are listed.
                Rectangle {
                    objectName: "sheetAllergens"
                    Layout.fillWidth: true
                    implicitHeight: allergenColumn.implicitHeight + 24
                    radius: 12
                    color: sheet.draft.allergens.length > 0 ? Theme.warningSoft : Theme.surfaceAlt
                    border.width: 1
                    border.color: sheet.draft.allergens.length > 0 ? Theme.warning : Theme.line
                    ColumnLayout {
                        id: allergenColumn
                        anchors.left: parent.left
                        anchors.right: parent.right
                        anchors.top: parent.top
                        anchors.margins: 12
                        spacing: 8
                        Text {
                            textFormat: Text.PlainText
                            text: sheet.draft.allergens.length > 0 ? qsTr("Contains these allergens")
                                                                   : qsTr("No allergens listed. Ask staff if unsure.")
                            font.pixelSize: Theme.small + 1
                            font.weight: Font.DemiBold
                            color: Theme.text
                            wrapMode: Text.WordWrap
                            Layout.fillWidth: true
                        }
                        Flow {
                            visible: sheet.draft.allergens.length > 0
                            Layout.fillWidth: true
                            spacing: 8
                            Repeater {
                                model: sheet.draft.allergens
                                delegate: AllergenChip { code: modelData }
                            }
                        }
                    }
                }

                // The option groups.
                Repeater {
                    model: sheet.draft.groups
                    delegate: ColumnLayout {
                        id: groupBox
                        readonly property var group: modelData
                        readonly property int count: sheet.draft.groupCounts[String(group.groupId)] || 0
                        readonly property bool satisfied: count >= group.minSelect && count <= group.maxSelect
                        objectName: "optionGroup-" + group.groupId
                        Layout.fillWidth: true
                        spacing: 8
                        RowLayout {
                            Layout.fillWidth: true
                            Layout.topMargin: 8
                            spacing: 10
                            Text {
                                textFormat: Text.PlainText
                                text: groupBox.group.name
                                font.pixelSize: Theme.title
                                font.weight: Font.Bold
                                color: Theme.text
                                elide: Text.ElideRight
                                Layout.maximumWidth: column.width * 0.5
                            }
                            Pill {
                                objectName: "groupRequired-" + groupBox.group.groupId
                                tint: groupBox.group.required ? (groupBox.satisfied ? Theme.success : Theme.accent)
                                                              : Theme.line
                                textColor: groupBox.group.required ? "white" : Theme.textMuted
                                text: groupBox.group.required ? (groupBox.satisfied ? qsTr("Required ✓") : qsTr("Required"))
                                                              : qsTr("Optional")
                            }
                            Text {
                                textFormat: Text.PlainText
                                text: sheet.hint(groupBox.group)
                                font.pixelSize: Theme.small + 1
                                color: Theme.textMuted
                                Layout.fillWidth: true
                                elide: Text.ElideRight
                            }
                        }
                        Repeater {
                            model: groupBox.group.options
                            delegate: AbstractButton {
                                id: choice
                                readonly property var opt: modelData
                                readonly property bool selected: sheet.draft.selectedIds.indexOf(opt.optionId) >= 0
                                readonly property bool single: groupBox.group.maxSelect === 1
                                readonly property bool full: !single && !selected
                                                             && groupBox.count >= groupBox.group.maxSelect
                                objectName: "option-" + opt.optionId
                                Layout.fillWidth: true
                                implicitHeight: 64
                                enabled: opt.available || selected
                                checked: selected
                                onClicked: sheet.draft.toggle(opt.optionId)
                                background: Rectangle {
                                    radius: 12
                                    color: choice.selected ? Theme.accentSoft : (choice.down ? Theme.surfaceAlt : Theme.surface)
                                    border.width: choice.selected ? 2 : 1
                                    border.color: choice.selected ? Theme.accent : Theme.line
                                }
                                contentItem: RowLayout {
                                    spacing: 14
                                    opacity: choice.opt.available ? (choice.full ? 0.55 : 1.0) : 0.4
                                    Item { Layout.preferredWidth: 4 }
                                    // Round for one choice, square for several.
                                    Rectangle {
                                        Layout.preferredWidth: 30
                                        Layout.preferredHeight: 30
                                        radius: choice.single ? 15 : 6
                                        color: choice.selected ? Theme.accent : Theme.surface
                                        border.width: 2
                                        border.color: choice.selected ? Theme.accent : Theme.textMuted
                                        Rectangle {
                                            visible: choice.selected && choice.single
                                            anchors.centerIn: parent
                                            width: 12; height: 12; radius: 6
                                            color: "white"
                                        }
                                        Text {
                                            textFormat: Text.PlainText
                                            visible: choice.selected && !choice.single
                                            anchors.centerIn: parent
                                            text: "✓"
                                            color: "white"
                                            font.pixelSize: 20
                                            font.weight: Font.Bold
                                        }
                                    }
                                    Text {
                                        textFormat: Text.PlainText
                                        text: choice.opt.name
                                        font.pixelSize: Theme.body + 1
                                        font.weight: choice.selected ? Font.DemiBold : Font.Normal
                                        font.strikeout: !choice.opt.available
                                        color: Theme.text
                                        elide: Text.ElideRight
                                        Layout.fillWidth: true
                                    }
                                    Text {
                                        textFormat: Text.PlainText
                                        visible: !choice.opt.available
                                        text: qsTr("Sold out")
                                        font.pixelSize: Theme.small + 1
                                        font.weight: Font.DemiBold
                                        color: Theme.danger
                                    }
                                    Text {
                                        textFormat: Text.PlainText
                                        text: choice.opt.deltaText
                                        font.pixelSize: Theme.body
                                        font.weight: Font.DemiBold
                                        color: choice.opt.priceDelta < 0 ? Theme.success : Theme.text
                                    }
                                    Item { Layout.preferredWidth: 6 }
                                }
                            }
                        }
                    }
                }

                // A note for this dish only.
                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.topMargin: 8
                    spacing: 4
                    TextInputField {
                        id: noteField
                        objectName: "lineNote"
                        Layout.fillWidth: true
                        label: qsTr("Request for this dish (optional)")
                        placeholder: qsTr("e.g. no onions")
                        input.maximumLength: sheet.draft.noteLimit
                        onTextChanged: sheet.draft.note = text
                    }
                    Text {
                        textFormat: Text.PlainText
                        text: sheet.draft.note.length + " / " + sheet.draft.noteLimit
                        font.pixelSize: Theme.small
                        color: Theme.textMuted
                        Layout.alignment: Qt.AlignRight
                    }
                }
            }
        }

        Rectangle { Layout.fillWidth: true; height: 1; color: Theme.line }

        // Footer: why it cannot be added yet, how many, and the price.
        ColumnLayout {
            id: footer
            Layout.fillWidth: true
            Layout.margins: 20
            spacing: 10
            Text {
                objectName: "optionMissing"
                textFormat: Text.PlainText
                visible: text.length > 0
                text: !sheet.draft.orderable ? qsTr("Not available to order right now.")
                      : sheet.draft.maxQuantity < 1 ? qsTr("No more left today.")
                      : sheet.draft.missing.length > 0 ? qsTr("Please choose: %1").arg(sheet.draft.missing.join(", "))
                      : ""
                font.pixelSize: Theme.body
                font.weight: Font.DemiBold
                color: Theme.danger
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: 12
                StepperButton {
                    objectName: "draftMinus"
                    symbol: "−"
                    enabled: sheet.draft.quantity > 1
                    onClicked: sheet.draft.quantity = sheet.draft.quantity - 1
                }
                Text {
                    objectName: "draftQuantity"
                    textFormat: Text.PlainText
                    text: sheet.draft.quantity
                    font.pixelSize: Theme.title
                    font.weight: Font.Bold
                    color: Theme.text
                    horizontalAlignment: Text.AlignHCenter
                    Layout.preferredWidth: 44
                }
                StepperButton {
                    objectName: "draftPlus"
                    symbol: "+"
                    enabled: sheet.draft.quantity < sheet.draft.maxQuantity
                    onClicked: sheet.draft.quantity = sheet.draft.quantity + 1
                }
                TouchButton {
                    objectName: "optionAddButton"
                    Layout.fillWidth: true
                    Layout.preferredHeight: 72
                    Layout.leftMargin: 8
                    fontSize: Theme.title
                    enabled: sheet.draft.canAdd
                    text: qsTr("Add · %1").arg(sheet.draft.totalText)
                    onClicked: if (sheet.draft.addToCart()) sheet.close()
                }
            }
        }
    }
}
