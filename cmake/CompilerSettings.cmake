# Warnings and sanitizers for every target of the project, set in one place.

add_compile_options(-Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
                    -Wcast-align -Woverloaded-virtual -Wformat=2)
# Qt's moc output and headers trip -Wold-style-cast in places we do not own.
add_compile_options($<$<COMPILE_LANGUAGE:CXX>:-Wno-old-style-cast>)

if(CHAT_WARNINGS_AS_ERRORS)
    add_compile_options(-Werror)
endif()

if(CHAT_SANITIZERS)
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()

# Fuzzing: every library gets libFuzzer's coverage instrumentation and the sanitizers; only the fuzz
# targets link libFuzzer's main (tests/fuzz).
if(CHAT_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "CHAT_FUZZ needs clang (for example -DCMAKE_CXX_COMPILER=clang++)")
    endif()
    add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
                        -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()

# Keep QString conversions explicit: no accidental ASCII/UTF-8 guesses.
add_compile_definitions(QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING
                        QT_NO_NARROWING_CONVERSIONS_IN_CONNECT QT_NO_FOREACH)
