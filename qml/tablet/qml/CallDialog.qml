import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TableOrder.Ui

// The reasons to call staff: water, cutlery, the bill, or something else with a short note.
// A reason tapped is sent at once (one open call per reason: tapping again makes no second
// call); refusals are said plainly and the chooser stays open.
Popup {
    id: dialog
    objectName: "callDialog"
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent.width - 48, 640)
    height: Math.min(parent.height - 48, content.implicitHeight + 64)
    modal: true
    padding: 32
    background: Rectangle { radius: 24; color: Theme.surface }

    readonly property var calls: tablet.staffCalls
    property bool writingNote: false

    onAboutToShow: { writingNote = false; note.text = ""; calls.clearRefusal() }

    function statusOf(reason) {
        const list = calls.calls
        for (let i = 0; i < list.length; ++i)
            if (list[i].reason === reason)
                return list[i].status
        return ""
    }
    function refusalText() {
        switch (calls.refusal) {
        case "": return ""
        case "RATE_LIMITED":
            return qsTr("You have called several times just now. Please try again in %n seconds.", "", calls.retryAfter)
        case "NO_ANSWER":
            return qsTr("The call did not go through: the tablet cannot reach the restaurant's system. Please try again, or raise your hand for staff.")
        }
        return qsTr("The call did not go through. Please raise your hand for staff.")
    }

    Connections {
        target: dialog.calls
        function onCalled() { dialog.close() }
    }

    contentItem: ColumnLayout {
        id: content
        spacing: 18
        Text {
            textFormat: Text.PlainText
            text: qsTr("Call staff")
            font.pixelSize: Theme.headline
            font.weight: Font.Bold
            color: Theme.text
        }
        Text {
            textFormat: Text.PlainText
            text: qsTr("What do you need?")
            font.pixelSize: Theme.body
            color: Theme.textMuted
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
        }
        GridLayout {
            visible: !dialog.writingNote
            columns: 2
            rowSpacing: 14
            columnSpacing: 14
            Layout.fillWidth: true
            Repeater {
                model: [
                    { reason: "water", label: qsTr("Water") },
                    { reason: "cutlery", label: qsTr("Cutlery & dishes") },
                    { reason: "bill", label: qsTr("The bill") },
                    { reason: "other", label: qsTr("Something else") }
                ]
                TouchButton {
                    objectName: "callReason-" + modelData.reason
                    readonly property string status: dialog.statusOf(modelData.reason)
                    variant: status.length > 0 ? "secondary" : "primary"
                    fontSize: Theme.title
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchLarge + 16
                    enabled: !dialog.calls.sending
                    text: modelData.label
                    // The reason, and under it whether it was called already.
                    contentItem: Item {
                        implicitHeight: reasonColumn.implicitHeight
                        Column {
                            id: reasonColumn
                            anchors.verticalCenter: parent.verticalCenter
                            width: parent.width
                            spacing: 2
                            Text {
                                textFormat: Text.PlainText
                                width: parent.width
                                text: modelData.label
                                font.pixelSize: Theme.title
                                font.weight: Font.DemiBold
                                color: status.length > 0 ? Theme.text : "white"
                                horizontalAlignment: Text.AlignHCenter
                                elide: Text.ElideRight
                            }
                            Text {
                                textFormat: Text.PlainText
                                width: parent.width
                                visible: status.length > 0
                                text: status === "acknowledged" ? qsTr("Staff is on the way") : qsTr("Called")
                                font.pixelSize: Theme.small
                                color: status === "acknowledged" ? Theme.successText : Theme.textMuted
                                horizontalAlignment: Text.AlignHCenter
                                elide: Text.ElideRight
                            }
                        }
                    }
                    onClicked: {
                        if (modelData.reason === "other")
                            dialog.writingNote = true
                        else
                            dialog.calls.call(modelData.reason, "")
                    }
                }
            }
        }
        TextInputField {
            id: note
            objectName: "callNote"
            visible: dialog.writingNote
            Layout.fillWidth: true
            label: qsTr("What can we bring? (optional)")
            placeholder: qsTr("e.g. a child's chair")
            input.maximumLength: 140
        }
        Text {
            objectName: "callRefusal"
            textFormat: Text.PlainText
            visible: text.length > 0
            text: dialog.refusalText()
            color: Theme.dangerStrong
            font.pixelSize: Theme.body
            font.weight: Font.DemiBold
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        RowLayout {
            spacing: 16
            Layout.fillWidth: true
            TouchButton {
                objectName: "callCancel"
                text: qsTr("Close")
                variant: "secondary"
                Layout.fillWidth: true
                onClicked: dialog.close()
            }
            TouchButton {
                objectName: "callSendOther"
                visible: dialog.writingNote
                enabled: !dialog.calls.sending
                text: dialog.calls.sending ? qsTr("Calling…") : qsTr("Call staff")
                Layout.fillWidth: true
                onClicked: dialog.calls.call("other", note.text)
            }
        }
    }
}
