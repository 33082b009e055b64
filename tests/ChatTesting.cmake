# chat_add_test(NAME SOURCES... LIBRARIES... [LABELS ...]): one QTest program, registered with ctest.
function(chat_add_test name)
    cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBRARIES;LABELS" ${ARGN})
    # A lost file fails here with its path, not as a test that quietly is not there.
    foreach(source IN LISTS ARG_SOURCES)
        if(NOT IS_ABSOLUTE "${source}")
            set(source "${CMAKE_CURRENT_SOURCE_DIR}/${source}")
        endif()
        if(NOT EXISTS "${source}")
            file(RELATIVE_PATH shown "${PROJECT_SOURCE_DIR}" "${source}")
            message(FATAL_ERROR "${shown} (a source of the test ${name}) is missing: the checkout is incomplete")
        endif()
    endforeach()
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBRARIES})
    # Helpers shared by tests of several layers: "testlib/..." (tests/CMakeLists.txt).
    target_link_libraries(${name} PRIVATE chattestlib)
    add_test(NAME ${name} COMMAND ${name})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    set_tests_properties(${name} PROPERTIES
        TIMEOUT ${ARG_TIMEOUT}
        LABELS "${ARG_LABELS}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
endfunction()

# chat_add_postgres_variant(NAME): runs the test program NAME once more as NAME_postgres, on the PostgreSQL
# that scripts/with-postgres.sh provides (CHAT_TEST_POSTGRES_URL); skipped when there is none.
function(chat_add_postgres_variant name)
    add_test(NAME ${name}_postgres COMMAND ${name})
    get_test_property(${name} TIMEOUT timeout)
    set_tests_properties(${name}_postgres PROPERTIES
        TIMEOUT ${timeout}
        LABELS "postgres"
        SKIP_REGULAR_EXPRESSION "CHAT_TEST_POSTGRES_URL is not set"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;CHAT_TEST_DATABASE=postgres")
endfunction()
