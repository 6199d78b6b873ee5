import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TableOrder.Ui

// Manager: 프린터. The kitchen printers with their live status (a fault says what to do),
// adding, editing, removing and test-printing them, and each station's mode (screen, printer,
// both, or printer as fallback when no screen confirmed an order in time).
Item {
    id: page
    objectName: "printersPage"
    readonly property var printers: kitchen.printers
    property int editingId: 0
    property int paperMm: 80
    property string encoding: "cp949"
    Component.onCompleted: printers.refresh()

    function edit(p) {
        editingId = p.id
        nameField.text = p.name
        hostField.text = p.host
        portField.text = p.port
        paperMm = p.paperMm
        encoding = p.encoding
        stationsField.text = p.stations
    }
    function clearForm() {
        editingId = 0
        nameField.text = ""; hostField.text = ""; portField.text = "9100"
        paperMm = 80; encoding = "cp949"; stationsField.text = "kitchen"
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 12

        // The printers
        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 3
            radius: 16
            color: Theme.kPanel
            ColumnLayout {
                anchors.fill: parent
                anchors.margins: 18
                spacing: 10
                Text { textFormat: Text.PlainText; text: "프린터"; color: Theme.kText; font.pixelSize: Theme.headline; font.weight: Font.Bold }
                Text {
                    visible: page.printers.printers.length === 0
                    textFormat: Text.PlainText
                    text: "등록된 프린터가 없습니다. 오른쪽에서 추가하세요 (ESC/POS 네트워크 프린터, 포트 9100)."
                    color: Theme.kTextMuted; font.pixelSize: Theme.body; wrapMode: Text.WordWrap; Layout.fillWidth: true
                }
                ListView {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    spacing: 8
                    model: page.printers.printers
                    delegate: Rectangle {
                        objectName: "printer-" + modelData.id
                        width: ListView.view.width
                        implicitHeight: card.implicitHeight + 24
                        radius: 12
                        color: Theme.kCard
                        border.width: modelData.fault ? 2 : 0
                        border.color: Theme.kLate
                        ColumnLayout {
                            id: card
                            anchors.fill: parent
                            anchors.margins: 12
                            spacing: 4
                            RowLayout {
                                Layout.fillWidth: true
                                Text { textFormat: Text.PlainText; text: modelData.name; color: Theme.kText; font.pixelSize: Theme.title; font.weight: Font.Bold; elide: Text.ElideRight; Layout.fillWidth: true }
                                Pill {
                                    objectName: "printerStatus-" + modelData.id
                                    text: modelData.statusText
                                    tint: modelData.status === "ok" ? Theme.kDone : modelData.fault ? Theme.kLate : Theme.kCardAlt
                                    textColor: modelData.status === "ok" || modelData.fault ? "#101214" : Theme.kText
                                }
                            }
                            Text {
                                textFormat: Text.PlainText
                                text: modelData.host + ":" + modelData.port + " · " + modelData.paperMm + "mm · " + modelData.encoding
                                      + " · 스테이션: " + (modelData.stations.length > 0 ? modelData.stations : "없음")
                                      + (modelData.queued > 0 ? " · 대기 " + modelData.queued + "건" : "")
                                color: Theme.kTextMuted; font.pixelSize: Theme.small + 2; Layout.fillWidth: true; elide: Text.ElideRight
                            }
                            Text {
                                visible: modelData.fault
                                textFormat: Text.PlainText
                                text: modelData.advice
                                color: Theme.kLate; font.pixelSize: Theme.small + 2; font.weight: Font.Bold; Layout.fillWidth: true; wrapMode: Text.WordWrap
                            }
                            RowLayout {
                                spacing: 8
                                TouchButton { objectName: "printerEdit-" + modelData.id; text: "수정"; variant: "dark"; onClicked: page.edit(modelData) }
                                TouchButton { objectName: "printerTest-" + modelData.id; text: "테스트 인쇄"; variant: "dark"; onClicked: page.printers.testPrint(modelData.id) }
                                TouchButton { objectName: "printerDelete-" + modelData.id; text: "삭제"; variant: "danger"; onClicked: page.printers.remove(modelData.id) }
                            }
                        }
                    }
                }
                Text { textFormat: Text.PlainText; text: "스테이션별 출력 방식"; color: Theme.kText; font.pixelSize: Theme.title; font.weight: Font.Bold }
                Repeater {
                    model: page.printers.stations
                    delegate: RowLayout {
                        id: stationRow
                        readonly property var info: modelData
                        objectName: "station-" + modelData.station
                        Layout.fillWidth: true
                        spacing: 6
                        Text { textFormat: Text.PlainText; text: modelData.station; color: Theme.kText; font.pixelSize: Theme.body; Layout.preferredWidth: 140 }
                        Repeater {
                            model: [["screen", "화면"], ["printer", "프린터"], ["both", "둘 다"], ["fallback", "화면 미확인 시 인쇄"]]
                            delegate: TouchButton {
                                objectName: "mode-" + stationRow.info.station + "-" + modelData[0]
                                readonly property var station: stationRow.info
                                text: modelData[1]
                                variant: station.mode === modelData[0] ? "primary" : "dark"
                                fontSize: Theme.small + 2
                                onClicked: page.printers.setMode(station.station, modelData[0], station.fallbackSeconds)
                            }
                        }
                        Text {
                            visible: modelData.mode === "fallback"
                            textFormat: Text.PlainText
                            text: modelData.fallbackSeconds + "초"
                            color: Theme.kTextMuted; font.pixelSize: Theme.body
                        }
                        Item { Layout.fillWidth: true }
                    }
                }
            }
        }

        // The form
        Rectangle {
            Layout.fillHeight: true
            Layout.preferredWidth: 420
            radius: 16
            color: Theme.kPanel
            ColumnLayout {
                anchors.fill: parent
                anchors.margins: 18
                spacing: 10
                Text { textFormat: Text.PlainText; text: page.editingId > 0 ? "프린터 수정" : "프린터 추가"; color: Theme.kText; font.pixelSize: Theme.title; font.weight: Font.Bold }
                EditorField { id: nameField; objectName: "printerName"; label: "이름"; placeholder: "주방 프린터"; Layout.fillWidth: true }
                EditorField { id: hostField; objectName: "printerHost"; label: "IP 주소"; placeholder: "192.168.0.31"; Layout.fillWidth: true }
                EditorField { id: portField; objectName: "printerPort"; label: "포트"; text: "9100"; inputMethodHints: Qt.ImhDigitsOnly; Layout.fillWidth: true }
                RowLayout {
                    spacing: 6
                    Text { textFormat: Text.PlainText; text: "용지"; color: Theme.kTextMuted; font.pixelSize: Theme.small; Layout.preferredWidth: 60 }
                    TouchButton { objectName: "paper80"; text: "80mm"; fontSize: Theme.small + 2; variant: page.paperMm === 80 ? "primary" : "dark"; onClicked: page.paperMm = 80 }
                    TouchButton { objectName: "paper58"; text: "58mm"; fontSize: Theme.small + 2; variant: page.paperMm === 58 ? "primary" : "dark"; onClicked: page.paperMm = 58 }
                }
                RowLayout {
                    spacing: 6
                    Text { textFormat: Text.PlainText; text: "인코딩"; color: Theme.kTextMuted; font.pixelSize: Theme.small; Layout.preferredWidth: 60 }
                    TouchButton { objectName: "encodingCp949"; text: "CP949 (한글)"; fontSize: Theme.small + 2; variant: page.encoding === "cp949" ? "primary" : "dark"; onClicked: page.encoding = "cp949" }
                    TouchButton { objectName: "encodingUtf8"; text: "UTF-8"; fontSize: Theme.small + 2; variant: page.encoding === "utf-8" ? "primary" : "dark"; onClicked: page.encoding = "utf-8" }
                }
                EditorField { id: stationsField; objectName: "printerStations"; label: "스테이션 (쉼표로 구분)"; text: "kitchen"; Layout.fillWidth: true }
                RowLayout {
                    spacing: 8
                    TouchButton {
                        objectName: "printerSave"
                        text: "저장"
                        enabled: !page.printers.busy && nameField.text.length > 0 && hostField.text.length > 0
                        onClicked: page.printers.save(page.editingId, nameField.text, hostField.text, parseInt(portField.text) || 0,
                                                      page.paperMm, page.encoding, stationsField.text)
                    }
                    TouchButton { objectName: "printerNew"; text: "새 프린터"; variant: "dark"; onClicked: page.clearForm() }
                }
                Text {
                    objectName: "printerNotice"
                    textFormat: Text.PlainText
                    text: page.printers.notice
                    color: Theme.kTextMuted; font.pixelSize: Theme.small + 2; wrapMode: Text.WordWrap; Layout.fillWidth: true
                }
                Item { Layout.fillHeight: true }
            }
        }
    }
}
