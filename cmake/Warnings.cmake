# Warnings are errors everywhere; the sanitizer build adds ASan + UBSan.
add_compile_options(-Wall -Wextra -Wpedantic -Werror -Wno-missing-field-initializers)
add_compile_definitions(QT_NO_CAST_FROM_BYTEARRAY QT_NO_URL_CAST_FROM_STRING QT_USE_QSTRINGBUILDER
                        QT_NO_FOREACH)
if(TABLEORDER_SANITIZE)
    add_compile_options(-O1 -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()
