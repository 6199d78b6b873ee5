import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import TableOrder.Ui

// Manager (standalone store): the whole menu. Lists on the left (categories, their items;
// or the option groups), the form of what is chosen on the right with Save / Cancel. Forms
// are checked before sending; the edge's refusals are shown above the form; deletes ask first.
Item {
    id: page
    objectName: "menuEditorPage"
    readonly property var editor: kitchen.editor
    property string tab: "menu"     // "menu" | "groups"
    property string formKind: ""    // "", "category", "item", "group"
    property var form: null
    property int revision: 0

    // The old form goes first, so its fields never read the new kind's data.
    function show(kind, data) {
        editor.clearError()
        formKind = ""
        form = data
        formKind = kind
        revision++
        formFlick.contentY = 0
    }
    function openCategory(id) { show("category", editor.categoryForm(id)) }
    function openItem(id) { show("item", editor.itemForm(id)) }
    function openGroup(id) { show("group", editor.groupForm(id)) }
    function closeForm() { formKind = ""; form = null; editor.clearError() }
    function save() {
        if (formKind === "category") editor.saveCategory(form)
        else if (formKind === "item") editor.saveItem(form)
        else if (formKind === "group") editor.saveGroup(form)
    }
    function cancel() {
        if (form && form.id) {
            if (formKind === "category") openCategory(form.id)
            else if (formKind === "item") openItem(form.id)
            else openGroup(form.id)
        } else {
            closeForm()
        }
    }
    function toggle(list, value) {
        const at = list.indexOf(value)
        if (at >= 0) list.splice(at, 1); else list.push(value)
        revision++
    }
    function askDelete() {
        confirmDialog.kind = formKind
        confirmDialog.targetId = form.id
        confirmDialog.name = form.name
        confirmDialog.open()
    }

    onVisibleChanged: if (visible) editor.reload()
    Component.onCompleted: editor.reload()

    Connections {
        target: page.editor
        function onSaved(kind, id) {
            // Show what the edge stored, once the lists are read again.
            reopen.kind = kind
            reopen.targetId = id
        }
        function onDeleted(kind, id) { page.closeForm() }
        function onChanged() {
            if (reopen.targetId > 0) {
                if (reopen.kind === "category") page.openCategory(reopen.targetId)
                else if (reopen.kind === "item") page.openItem(reopen.targetId)
                else page.openGroup(reopen.targetId)
                reopen.targetId = 0
            }
        }
    }
    QtObject { id: reopen; property string kind; property var targetId: 0 }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 10

        RowLayout {
            Layout.fillWidth: true
            spacing: 10
            TouchButton {
                objectName: "editorTab-menu"
                variant: "dark"
                tint: page.tab === "menu" ? Theme.accent : Theme.kCard
                text: qsTr("Categories and items")
                onClicked: { page.tab = "menu"; page.closeForm() }
            }
            TouchButton {
                objectName: "editorTab-groups"
                variant: "dark"
                tint: page.tab === "groups" ? Theme.accent : Theme.kCard
                text: qsTr("Option groups")
                onClicked: { page.tab = "groups"; page.closeForm() }
            }
            Item { Layout.fillWidth: true }
            Text {
                objectName: "editorNotice"
                textFormat: Text.PlainText
                // "Saved" for a few seconds, not for the rest of the visit.
                visible: page.editor.notice.length > 0 && noticeTimer.running
                Timer { id: noticeTimer; interval: 5000 }
                Connections {
                    target: page.editor
                    function onErrorChanged() { if (page.editor.notice.length > 0) noticeTimer.restart() }
                }
                text: "✓ " + page.editor.notice
                color: Theme.kDone
                font.pixelSize: Theme.body
            }
            BusyIndicator { running: page.editor.busy; visible: running; implicitWidth: 40; implicitHeight: 40 }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 10

            // ---- Categories
            Rectangle {
                visible: page.tab === "menu"
                Layout.preferredWidth: 250
                Layout.fillHeight: true
                color: Theme.kPanel
                radius: 14
                ColumnLayout {
                    anchors.fill: parent
                    anchors.margins: 10
                    spacing: 8
                    Text { textFormat: Text.PlainText; text: qsTr("Categories"); color: Theme.kText; font.pixelSize: Theme.body; font.weight: Font.Bold }
                    ListView {
                        id: categoryList
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        clip: true
                        spacing: 6
                        model: page.editor.categories
                        delegate: Rectangle {
                            required property var modelData
                            required property int index
                            readonly property bool selected: page.editor.selectedCategoryId === modelData.id
                            objectName: "categoryRow-" + modelData.id
                            width: categoryList.width
                            height: 64
                            radius: 10
                            color: selected ? "#2F3B4C" : Theme.kCard
                            border.width: selected ? 2 : 0
                            border.color: Theme.accent
                            MouseArea {
                                anchors.fill: parent
                                onClicked: { page.editor.selectedCategoryId = modelData.id; page.openCategory(modelData.id) }
                            }
                            RowLayout {
                                anchors.fill: parent
                                anchors.leftMargin: 12
                                anchors.rightMargin: 4
                                spacing: 2
                                ColumnLayout {
                                    Layout.fillWidth: true
                                    spacing: 0
                                    Text { textFormat: Text.PlainText; text: modelData.name; color: Theme.kText; font.pixelSize: Theme.body; font.weight: Font.DemiBold; elide: Text.ElideRight; Layout.fillWidth: true }
                                    Text { textFormat: Text.PlainText; text: qsTr("%n item(s)", "", modelData.itemCount) + (modelData.hasHours ? " · " + qsTr("hours") : ""); color: Theme.kTextMuted; font.pixelSize: Theme.small - 2 }
                                }
                                TouchButton {
                                    objectName: "moveCategoryUp-" + modelData.id
                                    variant: "dark"; implicitWidth: 40; implicitHeight: 44; text: "▲"; fontSize: Theme.small
                                    enabled: index > 0 && !page.editor.busy
                                    onClicked: page.editor.moveCategory(modelData.id, -1)
                                }
                                TouchButton {
                                    objectName: "moveCategoryDown-" + modelData.id
                                    variant: "dark"; implicitWidth: 40; implicitHeight: 44; text: "▼"; fontSize: Theme.small
                                    enabled: index < categoryList.count - 1 && !page.editor.busy
                                    onClicked: page.editor.moveCategory(modelData.id, 1)
                                }
                            }
                        }
                    }
                    TouchButton {
                        objectName: "newCategoryButton"
                        Layout.fillWidth: true
                        variant: "dark"
                        text: qsTr("+ New category")
                        onClicked: page.openCategory(0)
                    }
                }
            }

            // ---- The chosen category's items
            Rectangle {
                visible: page.tab === "menu"
                Layout.preferredWidth: 330
                Layout.fillHeight: true
                color: Theme.kPanel
                radius: 14
                ColumnLayout {
                    anchors.fill: parent
                    anchors.margins: 10
                    spacing: 8
                    Text { textFormat: Text.PlainText; text: qsTr("Items"); color: Theme.kText; font.pixelSize: Theme.body; font.weight: Font.Bold }
                    ListView {
                        id: itemList
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        clip: true
                        spacing: 6
                        model: page.editor.categoryItems
                        delegate: Rectangle {
                            required property var modelData
                            required property int index
                            readonly property bool selected: page.formKind === "item" && !!page.form && page.form.id === modelData.id
                            objectName: "itemRow-" + modelData.id
                            width: itemList.width
                            height: 72
                            radius: 10
                            color: selected ? "#2F3B4C" : Theme.kCard
                            border.width: selected ? 2 : 0
                            border.color: Theme.accent
                            MouseArea { anchors.fill: parent; onClicked: page.openItem(modelData.id) }
                            RowLayout {
                                anchors.fill: parent
                                anchors.leftMargin: 8
                                anchors.rightMargin: 4
                                spacing: 8
                                Rectangle {
                                    Layout.preferredWidth: 56; Layout.preferredHeight: 56; radius: 8; color: Theme.kCardAlt; clip: true
                                    Image { anchors.fill: parent; source: modelData.thumbnailUrl; fillMode: Image.PreserveAspectCrop; asynchronous: true; sourceSize.width: 112 }
                                }
                                ColumnLayout {
                                    Layout.fillWidth: true
                                    spacing: 0
                                    Text { textFormat: Text.PlainText; text: modelData.name; color: modelData.available ? Theme.kText : Theme.kTextMuted; font.pixelSize: Theme.body - 2; font.weight: Font.DemiBold; elide: Text.ElideRight; Layout.fillWidth: true }
                                    Text {
                                        textFormat: Text.PlainText
                                        Layout.fillWidth: true
                                        elide: Text.ElideRight
                                        text: modelData.priceText
                                              + (modelData.available ? "" : " · " + qsTr("sold out"))
                                              + (modelData.hasStock ? " · " + qsTr("%1 left").arg(modelData.stock) : "")
                                        color: modelData.available ? Theme.kTextMuted : Theme.kVeryLate
                                        font.pixelSize: Theme.small - 2
                                    }
                                }
                                TouchButton {
                                    objectName: "moveItemUp-" + modelData.id
                                    variant: "dark"; implicitWidth: 40; implicitHeight: 44; text: "▲"; fontSize: Theme.small
                                    enabled: index > 0 && !page.editor.busy
                                    onClicked: page.editor.moveItem(modelData.id, -1)
                                }
                                TouchButton {
                                    objectName: "moveItemDown-" + modelData.id
                                    variant: "dark"; implicitWidth: 40; implicitHeight: 44; text: "▼"; fontSize: Theme.small
                                    enabled: index < itemList.count - 1 && !page.editor.busy
                                    onClicked: page.editor.moveItem(modelData.id, 1)
                                }
                            }
                        }
                    }
                    TouchButton {
                        objectName: "newItemButton"
                        Layout.fillWidth: true
                        variant: "dark"
                        enabled: page.editor.selectedCategoryId > 0
                        text: qsTr("+ New item")
                        onClicked: page.openItem(0)
                    }
                }
            }

            // ---- Option groups
            Rectangle {
                visible: page.tab === "groups"
                Layout.preferredWidth: 420
                Layout.fillHeight: true
                color: Theme.kPanel
                radius: 14
                ColumnLayout {
                    anchors.fill: parent
                    anchors.margins: 10
                    spacing: 8
                    Text { textFormat: Text.PlainText; text: qsTr("Option groups (shared by items)"); color: Theme.kText; font.pixelSize: Theme.body; font.weight: Font.Bold }
                    ListView {
                        id: groupList
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        clip: true
                        spacing: 6
                        model: page.editor.groups
                        delegate: Rectangle {
                            required property var modelData
                            readonly property bool selected: page.formKind === "group" && !!page.form && page.form.id === modelData.id
                            objectName: "groupRow-" + modelData.id
                            width: groupList.width
                            height: 84
                            radius: 10
                            color: selected ? "#2F3B4C" : Theme.kCard
                            border.width: selected ? 2 : 0
                            border.color: Theme.accent
                            MouseArea { anchors.fill: parent; onClicked: page.openGroup(modelData.id) }
                            ColumnLayout {
                                anchors.fill: parent
                                anchors.margins: 10
                                spacing: 2
                                Text {
                                    textFormat: Text.PlainText
                                    text: modelData.name + "  " + (modelData.minSelect > 0 ? qsTr("required") : qsTr("optional"))
                                          + " · " + qsTr("choose %1-%2").arg(modelData.minSelect).arg(modelData.maxSelect)
                                    color: Theme.kText; font.pixelSize: Theme.body - 2; font.weight: Font.DemiBold
                                    elide: Text.ElideRight; Layout.fillWidth: true
                                }
                                Text { textFormat: Text.PlainText; text: modelData.optionNames; color: Theme.kTextMuted; font.pixelSize: Theme.small - 2; elide: Text.ElideRight; Layout.fillWidth: true }
                                Text {
                                    textFormat: Text.PlainText
                                    text: modelData.usedBy.length > 0 ? qsTr("Used by: %1").arg(modelData.usedBy.join(", ")) : qsTr("Not used by any item")
                                    color: Theme.kTextMuted; font.pixelSize: Theme.small - 2; elide: Text.ElideRight; Layout.fillWidth: true
                                }
                            }
                        }
                    }
                    TouchButton {
                        objectName: "newGroupButton"
                        Layout.fillWidth: true
                        variant: "dark"
                        text: qsTr("+ New option group")
                        onClicked: page.openGroup(0)
                    }
                }
            }

            // ---- The form
            Rectangle {
                Layout.fillWidth: true
                Layout.fillHeight: true
                color: Theme.kPanel
                radius: 14
                ColumnLayout {
                    anchors.fill: parent
                    anchors.margins: 12
                    spacing: 8

                    Rectangle {
                        objectName: "editorError"
                        visible: page.editor.error.length > 0
                        Layout.fillWidth: true
                        implicitHeight: errorText.implicitHeight + 20
                        radius: 10
                        color: Theme.dangerStrong
                        Text {
                            id: errorText
                            objectName: "editorErrorText"
                            textFormat: Text.PlainText
                            anchors.fill: parent
                            anchors.margins: 10
                            text: page.editor.error
                            color: "white"
                            font.pixelSize: Theme.small
                            font.weight: Font.DemiBold
                            wrapMode: Text.WordWrap
                        }
                    }
                    Text {
                        textFormat: Text.PlainText
                        visible: page.formKind === ""
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        horizontalAlignment: Text.AlignHCenter
                        verticalAlignment: Text.AlignVCenter
                        wrapMode: Text.WordWrap
                        text: page.tab === "menu" ? qsTr("Choose a category or an item to edit it, or add a new one.")
                                                  : qsTr("Choose an option group to edit it, or add a new one.")
                        color: Theme.kTextMuted
                        font.pixelSize: Theme.body
                    }
                    Text {
                        objectName: "formTitle"
                        textFormat: Text.PlainText
                        visible: page.formKind !== ""
                        text: !page.form ? ""
                              : page.formKind === "category" ? (page.form.id ? qsTr("Category") : qsTr("New category"))
                              : page.formKind === "item" ? (page.form.id ? qsTr("Menu item") : qsTr("New menu item"))
                              : (page.form.id ? qsTr("Option group") : qsTr("New option group"))
                        color: Theme.kText
                        font.pixelSize: Theme.title - 2
                        font.weight: Font.Bold
                    }
                    Flickable {
                        id: formFlick
                        objectName: "formFlick"
                        visible: page.formKind !== ""
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        clip: true
                        contentWidth: width
                        contentHeight: formLoader.height
                        boundsBehavior: Flickable.StopAtBounds
                        ScrollBar.vertical: ScrollBar { policy: ScrollBar.AsNeeded }
                        Loader {
                            id: formLoader
                            width: formFlick.width - 14
                            sourceComponent: page.formKind === "category" ? categoryForm
                                           : page.formKind === "item" ? itemForm
                                           : page.formKind === "group" ? groupForm : null
                        }
                    }
                    RowLayout {
                        visible: page.formKind !== ""
                        Layout.fillWidth: true
                        spacing: 10
                        TouchButton {
                            objectName: "formDelete"
                            visible: page.form !== null && page.form.id > 0
                            variant: "danger"
                            text: qsTr("Delete")
                            enabled: !page.editor.busy
                            onClicked: page.askDelete()
                        }
                        Item { Layout.fillWidth: true }
                        TouchButton {
                            objectName: "formCancel"
                            variant: "dark"
                            text: qsTr("Cancel")
                            onClicked: page.cancel()
                        }
                        TouchButton {
                            objectName: "formSave"
                            variant: "success"
                            implicitWidth: 160
                            text: qsTr("Save")
                            enabled: !page.editor.busy
                            onClicked: page.save()
                        }
                    }
                }
            }
        }
    }

    component SectionTitle: Text {
        textFormat: Text.PlainText
        color: Theme.kTextMuted
        font.pixelSize: Theme.small
        font.weight: Font.Bold
        Layout.topMargin: 10
    }

    Component {
        id: categoryForm
        ColumnLayout {
            spacing: 8
            EditorField {
                objectName: "formName"
                Layout.fillWidth: true
                label: qsTr("Name (Korean, required)")
                text: page.form ? page.form.name : ""
                onTextChanged: if (page.form) page.form.name = text
            }
            SectionTitle { text: qsTr("Translations") }
            EditorTranslations { Layout.fillWidth: true; translations: page.form ? page.form.translations : null; prefix: "trCategory" }
            SectionTitle { text: qsTr("Selling hours (the whole category)") }
            EditorHours { Layout.fillWidth: true; hours: page.form ? page.form.hours : null; revision: page.revision }
        }
    }

    Component {
        id: itemForm
        ColumnLayout {
            spacing: 8
            RowLayout {
                Layout.fillWidth: true
                spacing: 10
                EditorField {
                    objectName: "formName"
                    Layout.fillWidth: true
                    label: qsTr("Name (Korean, required)")
                    text: page.form ? page.form.name : ""
                    onTextChanged: if (page.form) page.form.name = text
                }
                EditorField {
                    id: priceField
                    objectName: "formPrice"
                    Layout.preferredWidth: 190
                    // What guests will read, as the rest of the app writes won.
                    label: qsTr("Price (won)") + (/^[0-9][0-9,]*$/.test(text.trim())
                                                  ? " · " + page.editor.formatPrice(Number(text.replace(/,/g, ""))) : "")
                    inputMethodHints: Qt.ImhDigitsOnly
                    text: page.form ? page.form.price : ""
                    onTextChanged: if (page.form) page.form.price = text
                }
            }
            EditorField {
                objectName: "formDescription"
                Layout.fillWidth: true
                label: qsTr("Description (Korean)")
                text: page.form ? page.form.description : ""
                onTextChanged: if (page.form) page.form.description = text
            }
            SectionTitle { text: qsTr("Category") }
            Flow {
                Layout.fillWidth: true
                spacing: 6
                Repeater {
                    model: page.editor.categories
                    delegate: EditorChip {
                        required property var modelData
                        objectName: "formCategory-" + modelData.id
                        on: { page.revision; return !!page.form && page.form.categoryId === modelData.id }
                        text: modelData.name
                        onClicked: { page.form.categoryId = modelData.id; page.revision++ }
                    }
                }
            }
            SectionTitle { text: qsTr("Selling") }
            RowLayout {
                Layout.fillWidth: true
                spacing: 10
                EditorChip {
                    objectName: "formAvailable"
                    Layout.alignment: Qt.AlignBottom
                    implicitHeight: Theme.touch
                    on: { page.revision; return !!page.form && page.form.available === true }
                    tint: on ? "#1F6B3A" : Theme.kVeryLate
                    textColor: "white"
                    text: on ? qsTr("● On sale") : qsTr("SOLD OUT")
                    onClicked: { page.form.available = !page.form.available; page.revision++ }
                }
                EditorField {
                    id: stockField
                    objectName: "formStock"
                    Layout.preferredWidth: 220
                    label: qsTr("Stock (portions left)")
                    placeholder: qsTr("unlimited")
                    inputMethodHints: Qt.ImhDigitsOnly
                    text: page.form ? page.form.stock : ""
                    onTextChanged: if (page.form) page.form.stock = text
                }
                TouchButton {
                    objectName: "formStockClear"
                    Layout.alignment: Qt.AlignBottom
                    variant: "dark"
                    implicitHeight: 44
                    fontSize: Theme.small
                    text: qsTr("Unlimited")
                    onClicked: stockField.text = ""
                }
            }
            SectionTitle { text: qsTr("Picture") }
            RowLayout {
                spacing: 10
                Rectangle {
                    Layout.preferredWidth: 120; Layout.preferredHeight: 84; radius: 8; color: Theme.kCard; clip: true
                    Image { objectName: "formImage"; anchors.fill: parent; source: page.form ? page.form.imageUrl : ""; fillMode: Image.PreserveAspectCrop; asynchronous: true; sourceSize.width: 240 }
                    Text { anchors.centerIn: parent; textFormat: Text.PlainText; visible: !page.form || page.form.imageUrl == ""; text: qsTr("none"); color: Theme.kTextMuted; font.pixelSize: Theme.small }
                }
                TouchButton {
                    objectName: "formPicture"
                    variant: "dark"
                    fontSize: Theme.small
                    enabled: page.form !== null && page.form.id > 0 && !page.editor.busy
                    text: qsTr("Choose a picture file…")
                    onClicked: pictureDialog.open()
                }
                Text {
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                    text: page.form && page.form.id > 0 ? qsTr("JPEG, PNG or WebP, at most 2 MB.") : qsTr("Save the item first, then add its picture.")
                    color: Theme.kTextMuted
                    font.pixelSize: Theme.small - 2
                }
            }
            SectionTitle { text: qsTr("Option groups (tap to offer or remove)") }
            Flow {
                Layout.fillWidth: true
                spacing: 6
                Repeater {
                    model: page.editor.groups
                    delegate: EditorChip {
                        required property var modelData
                        objectName: "formGroup-" + modelData.id
                        on: { page.revision; return !!page.form && page.form.groupIds.indexOf(modelData.id) >= 0 }
                        text: (on ? "✓ " : "") + modelData.name
                        onClicked: page.toggle(page.form.groupIds, modelData.id)
                    }
                }
                Text {
                    textFormat: Text.PlainText
                    visible: page.editor.groups.length === 0
                    text: qsTr("No option groups yet: add them under Option groups.")
                    color: Theme.kTextMuted
                    font.pixelSize: Theme.small
                }
            }
            SectionTitle { text: qsTr("Allergens") }
            Flow {
                Layout.fillWidth: true
                spacing: 6
                Repeater {
                    model: page.editor.allergenChoices
                    delegate: EditorChip {
                        required property var modelData
                        objectName: "formAllergen-" + modelData.code
                        on: { page.revision; return !!page.form && page.form.allergens.indexOf(modelData.code) >= 0 }
                        text: modelData.label
                        onClicked: page.toggle(page.form.allergens, modelData.code)
                    }
                }
            }
            SectionTitle { text: qsTr("Tags") }
            Flow {
                Layout.fillWidth: true
                spacing: 6
                Repeater {
                    model: page.editor.tagChoices
                    delegate: EditorChip {
                        required property var modelData
                        objectName: "formTag-" + modelData.code
                        on: { page.revision; return !!page.form && page.form.tags.indexOf(modelData.code) >= 0 }
                        text: modelData.label
                        onClicked: page.toggle(page.form.tags, modelData.code)
                    }
                }
            }
            SectionTitle { text: qsTr("Selling hours") }
            EditorHours { Layout.fillWidth: true; hours: page.form ? page.form.hours : null; revision: page.revision }
            SectionTitle { text: qsTr("Translations") }
            EditorTranslations { Layout.fillWidth: true; translations: page.form ? page.form.translations : null; withDescription: true; prefix: "trItem" }
        }
    }

    Component {
        id: groupForm
        ColumnLayout {
            spacing: 8
            RowLayout {
                Layout.fillWidth: true
                spacing: 10
                EditorField {
                    objectName: "formName"
                    Layout.fillWidth: true
                    label: qsTr("Name (Korean, required)")
                    text: page.form ? page.form.name : ""
                    onTextChanged: if (page.form) page.form.name = text
                }
                EditorField {
                    objectName: "formMinSelect"
                    Layout.preferredWidth: 110
                    label: qsTr("At least")
                    inputMethodHints: Qt.ImhDigitsOnly
                    text: page.form ? page.form.minSelect : ""
                    onTextChanged: if (page.form) page.form.minSelect = text
                }
                EditorField {
                    objectName: "formMaxSelect"
                    Layout.preferredWidth: 110
                    label: qsTr("At most")
                    inputMethodHints: Qt.ImhDigitsOnly
                    text: page.form ? page.form.maxSelect : ""
                    onTextChanged: if (page.form) page.form.maxSelect = text
                }
            }
            Text {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: qsTr("At least 1 makes the choice required (e.g. spiciness); 0 makes it optional (e.g. extra rice).")
                color: Theme.kTextMuted
                font.pixelSize: Theme.small - 2
            }
            SectionTitle { text: qsTr("Translations of the group's name") }
            EditorTranslations { Layout.fillWidth: true; translations: page.form ? page.form.translations : null; prefix: "trGroup" }
            SectionTitle { text: qsTr("Options") }
            Repeater {
                model: { page.revision; return page.form ? page.form.options.length : 0 }
                delegate: Rectangle {
                    id: optionBox
                    required property int index
                    readonly property var option: page.form.options[index]
                    Layout.fillWidth: true
                    implicitHeight: optionColumn.implicitHeight + 20
                    radius: 10
                    color: Theme.kCard
                    ColumnLayout {
                        id: optionColumn
                        anchors.left: parent.left
                        anchors.right: parent.right
                        anchors.top: parent.top
                        anchors.margins: 10
                        spacing: 6
                        RowLayout {
                            Layout.fillWidth: true
                            spacing: 8
                            EditorField {
                                objectName: "optionName-" + optionBox.index
                                Layout.fillWidth: true
                                placeholder: qsTr("Option name (Korean)")
                                text: optionBox.option.name
                                onTextChanged: optionBox.option.name = text
                            }
                            EditorField {
                                objectName: "optionDelta-" + optionBox.index
                                Layout.preferredWidth: 130
                                placeholder: qsTr("± won")
                                text: optionBox.option.priceDelta
                                onTextChanged: optionBox.option.priceDelta = text
                            }
                            EditorChip {
                                objectName: "optionAvailable-" + optionBox.index
                                implicitWidth: 110
                                on: { page.revision; return optionBox.option.available }
                                tint: on ? "#1F6B3A" : Theme.kVeryLate
                                textColor: "white"
                                text: on ? qsTr("On sale") : qsTr("Sold out")
                                onClicked: { optionBox.option.available = !optionBox.option.available; page.revision++ }
                            }
                            TouchButton {
                                objectName: "optionRemove-" + optionBox.index
                                variant: "dark"
                                implicitWidth: 44
                                implicitHeight: 44
                                text: "✕"
                                onClicked: { page.form.options.splice(optionBox.index, 1); page.revision++ }
                            }
                        }
                        EditorTranslations { Layout.fillWidth: true; translations: optionBox.option.translations; prefix: "trOption" + optionBox.index }
                    }
                }
            }
            TouchButton {
                objectName: "addOptionButton"
                variant: "dark"
                implicitHeight: 44
                fontSize: Theme.small
                text: qsTr("+ Add an option")
                onClicked: {
                    page.form.options.push({ id: 0, name: "", priceDelta: "0", available: true,
                                             translations: { en: { name: "", description: "" }, zh: { name: "", description: "" }, ja: { name: "", description: "" } } })
                    page.revision++
                }
            }
        }
    }

    FileDialog {
        id: pictureDialog
        objectName: "pictureDialog"
        title: qsTr("Choose the item's picture")
        nameFilters: [qsTr("Pictures (*.jpg *.jpeg *.png *.webp)")]
        onAccepted: if (page.form && page.form.id > 0) page.editor.uploadPicture(page.form.id, selectedFile)
    }

    Dialog {
        id: confirmDialog
        objectName: "confirmDeleteDialog"
        property string kind
        property var targetId: 0
        property string name
        parent: Overlay.overlay
        anchors.centerIn: parent
        modal: true
        width: 560
        padding: 28
        background: Rectangle { radius: 20; color: Theme.kPanel; border.width: 1; border.color: Theme.kLine }
        contentItem: ColumnLayout {
            spacing: 20
            Text {
                objectName: "confirmDeleteText"
                textFormat: Text.PlainText
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: confirmDialog.kind === "category" ? qsTr("Delete the category \"%1\"?").arg(confirmDialog.name)
                      : confirmDialog.kind === "item" ? qsTr("Delete the menu item \"%1\"? Past orders keep their lines.").arg(confirmDialog.name)
                      : qsTr("Delete the option group \"%1\"? Items that offer it will no longer do so.").arg(confirmDialog.name)
                font.pixelSize: Theme.body + 2
                font.weight: Font.Bold
                color: Theme.kText
            }
            RowLayout {
                spacing: 16
                TouchButton { objectName: "confirmDeleteNo"; text: qsTr("Keep it"); variant: "dark"; Layout.fillWidth: true; onClicked: confirmDialog.close() }
                TouchButton {
                    objectName: "confirmDeleteYes"
                    text: qsTr("Delete")
                    variant: "danger"
                    Layout.fillWidth: true
                    onClicked: {
                        confirmDialog.close()
                        if (confirmDialog.kind === "category") page.editor.deleteCategory(confirmDialog.targetId)
                        else if (confirmDialog.kind === "item") page.editor.deleteItem(confirmDialog.targetId)
                        else page.editor.deleteGroup(confirmDialog.targetId)
                    }
                }
            }
        }
    }
}
