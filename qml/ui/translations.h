#pragma once

#include <QObject>
#include <QTranslator>

#include <memory>

class QQmlEngine;

namespace tableorder::ui {

/// The screen's language: Korean by default (the app's .qm from qrc:/i18n), English is the
/// source text; the tablet also has Simplified Chinese (zh) and Japanese (ja). Switching
/// re-translates the QML at once.
class Translations : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString language READ language NOTIFY languageChanged)
public:
    /// `catalog`: the .qm's base name, e.g. "tablet" for :/i18n/tablet_ko.qm.
    Translations(QString catalog, QQmlEngine &engine, QObject *parent = nullptr);
    ~Translations() override;

    [[nodiscard]] QString language() const { return m_language; }
    /// "ko", "en", "zh", "ja"; false for a language without a catalog.
    bool setLanguage(const QString &language);

signals:
    void languageChanged();

private:
    QString m_catalog;
    QQmlEngine &m_engine;
    std::unique_ptr<QTranslator> m_translator;
    QString m_language = QStringLiteral("en");
};

} // namespace tableorder::ui
