#include "translations.h"

#include <QCoreApplication>
#include <QLocale>
#include <QQmlEngine>

using namespace Qt::StringLiterals;

namespace tableorder::ui {

Translations::Translations(QString catalog, QQmlEngine &engine, QObject *parent)
    : QObject(parent), m_catalog(std::move(catalog)), m_engine(engine)
{
}

Translations::~Translations()
{
    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
}

bool Translations::setLanguage(const QString &language)
{
    if (language == m_language)
        return true;
    std::unique_ptr<QTranslator> next;
    if (language != u"en"_s) {
        next = std::make_unique<QTranslator>();
        if (!next->load(u":/i18n/%1_%2.qm"_s.arg(m_catalog, language)))
            return false;
    }
    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
    m_translator = std::move(next);
    if (m_translator)
        QCoreApplication::installTranslator(m_translator.get());
    m_language = language;
    QLocale::setDefault(language == u"ko"_s   ? QLocale(QLocale::Korean, QLocale::SouthKorea)
                        : language == u"zh"_s ? QLocale(QLocale::Chinese, QLocale::SimplifiedHanScript, QLocale::China)
                        : language == u"ja"_s ? QLocale(QLocale::Japanese, QLocale::Japan)
                                              : QLocale(QLocale::English, QLocale::UnitedStates));
    m_engine.retranslate();
    emit languageChanged();
    return true;
}

} // namespace tableorder::ui
