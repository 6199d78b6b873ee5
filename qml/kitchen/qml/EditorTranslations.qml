import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TableOrder.Ui

// English, Chinese and Japanese text of one menu object (Korean is the object's own name).
// An empty field falls back to Korean on the tablets.
ColumnLayout {
    id: box
    property var translations: null
    property bool withDescription: false
    property string prefix: "tr"
    spacing: 8

    Repeater {
        model: ["en", "zh", "ja"]
        delegate: RowLayout {
            required property string modelData
            Layout.fillWidth: true
            spacing: 8
            Text {
                textFormat: Text.PlainText
                text: modelData === "en" ? "English" : modelData === "zh" ? "中文" : "日本語"
                color: Theme.kTextMuted
                font.pixelSize: Theme.small
                Layout.preferredWidth: 64
            }
            EditorField {
                objectName: box.prefix + "Name-" + modelData
                Layout.fillWidth: true
                placeholder: qsTr("Name (empty: Korean)")
                text: box.translations ? box.translations[modelData].name : ""
                onTextChanged: if (box.translations) box.translations[modelData].name = text
            }
            EditorField {
                objectName: box.prefix + "Description-" + modelData
                visible: box.withDescription
                Layout.fillWidth: true
                placeholder: qsTr("Description")
                text: box.translations ? box.translations[modelData].description : ""
                onTextChanged: if (box.translations) box.translations[modelData].description = text
            }
        }
    }
}
