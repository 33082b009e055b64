# Debian 12 packages from the build: `cpack -G DEB` in the build folder makes socket-chat-server and
# socket-chat-client (one per install component). Also the man pages (help2man), the server's systemd unit
# and settings file, and the Debian copyright and changelog of each package.

set(CHAT_DEB_RELEASE 1)
set(CHAT_DEB_VERSION "${PROJECT_VERSION}-${CHAT_DEB_RELEASE}")
set(CHAT_HOMEPAGE "https://github.com/Denis-Source/socket_chat" CACHE STRING
    "Homepage of the packages (the original socket_chat until this project has an address of its own)")
set(CHAT_MAINTAINER "The socket-chat C++ developers <dev@socket-chat.local>" CACHE STRING
    "Maintainer of the Debian packages")

set(chat_packaging_dir ${CMAKE_CURRENT_SOURCE_DIR}/packaging)
set(chat_package_server socket-chat-server)
set(chat_package_client socket-chat-client)
set(chat_have_client FALSE)
if(TARGET chat-client)
    set(chat_have_client TRUE)
endif()

# --- Man pages: help2man from --help and --version, with an include file for what --help does not say.
# Not under the sanitizers (running the programs at build time would meet LeakSanitizer) or for fuzzing.
set(chat_man_default ON)
if(CHAT_SANITIZERS OR CHAT_FUZZ)
    set(chat_man_default OFF)
endif()
option(CHAT_MAN_PAGES "Generate the man pages with help2man at build time" ${chat_man_default})
if(CHAT_MAN_PAGES)
    find_program(CHAT_HELP2MAN help2man)
    find_program(CHAT_GZIP gzip)
    if(NOT CHAT_HELP2MAN OR NOT CHAT_GZIP)
        message(WARNING "help2man or gzip not found: no man pages (scripts/install-deps.sh installs help2man)")
        set(CHAT_MAN_PAGES OFF)
    endif()
endif()

set(chat_man_pages)
function(chat_man_page target component description)
    set(page ${CMAKE_CURRENT_BINARY_DIR}/man/${target}.1)
    set(include ${chat_packaging_dir}/man/${target}.h2m)
    # The program is found through PATH so that its usage line says its name and not the build path;
    # HOME=~ makes the default database path in --help read ~/.local/...; the client needs no display.
    add_custom_command(
        OUTPUT ${page}.gz
        COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/man
        COMMAND ${CMAKE_COMMAND} -E env "PATH=$<TARGET_FILE_DIR:${target}>:$ENV{PATH}" "HOME=~"
                QT_QPA_PLATFORM=offscreen ${CHAT_HELP2MAN} --no-info --section=1 --include=${include}
                "--name=${description}" --output=${page} ${target}
        COMMAND ${CHAT_GZIP} -n -9 -f ${page}
        DEPENDS ${target} ${include}
        COMMENT "Man page ${target}(1)"
        VERBATIM)
    install(FILES ${page}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT ${component})
    set(chat_man_pages ${chat_man_pages} ${page}.gz PARENT_SCOPE)
endfunction()
if(CHAT_MAN_PAGES)
    chat_man_page(chat-server server "realtime room chat server speaking the socket_chat WebSocket protocol")
    if(chat_have_client)
        chat_man_page(chat-client client "desktop client for the socket_chat room chat with a drawing board")
    endif()
    add_custom_target(man-pages ALL DEPENDS ${chat_man_pages})
endif()

# --- The server's systemd unit and settings. With the prefix /usr (the packages) they go where Debian 12
# puts them, /lib/systemd/system and /etc/default; under any other prefix, below it. Decided when installing,
# since cpack installs with its own prefix.
install(CODE "
    set(chat_source_dir \"${CMAKE_CURRENT_SOURCE_DIR}\")
    if(CMAKE_INSTALL_PREFIX STREQUAL \"/usr\")
        set(chat_unit_dir /lib/systemd/system)
        set(chat_default_dir /etc/default)
    else()
        set(chat_unit_dir \"\${CMAKE_INSTALL_PREFIX}/lib/systemd/system\")
        set(chat_default_dir \"\${CMAKE_INSTALL_PREFIX}/etc/default\")
    endif()
    file(INSTALL \"\${chat_source_dir}/resources/server/socket-chat-server.service\"
         DESTINATION \"\${chat_unit_dir}\"
         FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
    file(INSTALL \"\${chat_source_dir}/resources/server/socket-chat-server.default\"
         DESTINATION \"\${chat_default_dir}\"
         FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
    file(RENAME \"\$ENV{DESTDIR}\${chat_default_dir}/socket-chat-server.default\"
         \"\$ENV{DESTDIR}\${chat_default_dir}/socket-chat-server\")
    if(NOT CMAKE_INSTALL_PREFIX STREQUAL \"/usr\")
        # The unit names the program and the settings file where this prefix puts them.
        set(unit \"\$ENV{DESTDIR}\${chat_unit_dir}/socket-chat-server.service\")
        file(READ \"\${unit}\" text)
        string(REPLACE \"/usr/bin/chat-server\" \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/chat-server\"
               text \"\${text}\")
        string(REPLACE \"/etc/default/\" \"\${chat_default_dir}/\" text \"\${text}\")
        file(WRITE \"\${unit}\" \"\${text}\")
    endif()
" COMPONENT server)

# --- Debian's hardening for what the packages ship: read-only relocations resolved at start (bindnow).
foreach(target chat-server chat-client)
    if(TARGET ${target})
        target_link_options(${target} PRIVATE LINKER:-z,relro LINKER:-z,now)
    endif()
endforeach()

# cpack strips the programs (CPACK_STRIP_FILES); as dh_strip does, the compiler's .comment and the .note
# sections go too. Runs after the programs' own install rules (policy CMP0082).
foreach(component server client)
    if(TARGET chat-${component})
        install(CODE "
            if(CMAKE_INSTALL_DO_STRIP)
                execute_process(COMMAND \"${CMAKE_STRIP}\" --remove-section=.comment --remove-section=.note
                                        \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/chat-${component}\"
                                COMMAND_ERROR_IS_FATAL ANY)
            endif()
        " COMPONENT ${component})
    endif()
endforeach()

# --- /usr/share/doc/<package>/: the DEP-5 copyright and changelog.Debian.gz.
configure_file(${chat_packaging_dir}/debian/changelog.in ${CMAKE_CURRENT_BINARY_DIR}/debian/changelog.Debian
               @ONLY)
set(chat_changelog_gz ${CMAKE_CURRENT_BINARY_DIR}/debian/changelog.Debian.gz)
add_custom_command(
    OUTPUT ${chat_changelog_gz}
    COMMAND gzip -n -9 -c ${CMAKE_CURRENT_BINARY_DIR}/debian/changelog.Debian > ${chat_changelog_gz}
    DEPENDS ${CMAKE_CURRENT_BINARY_DIR}/debian/changelog.Debian
    VERBATIM)
add_custom_target(debian-changelog ALL DEPENDS ${chat_changelog_gz})
foreach(component server client)
    if(component STREQUAL "client" AND NOT chat_have_client)
        continue()
    endif()
    install(FILES ${chat_packaging_dir}/debian/copyright ${chat_changelog_gz}
            DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${chat_package_${component}} COMPONENT ${component})
    install(FILES ${chat_packaging_dir}/debian/${component}/lintian-overrides
            DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides COMPONENT ${component}
            RENAME ${chat_package_${component}})
endforeach()

# --- CPack: one .deb per component.
set(CPACK_PACKAGE_NAME socket-chat)
set(CPACK_PACKAGE_VENDOR "The socket-chat C++ developers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${CHAT_MAINTAINER}")
# Each package's description starts with its own summary line (CPACK_COMPONENT_<C>_DESCRIPTION below); CPack
# 3.25 would put this one before it unless it is CPack's own default, which it leaves out.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CMAKE_PROJECT_NAME} built using CMake")
set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_CURRENT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# cpack installs into its staging folder as DESTDIR with the prefix /usr (so the unit and the settings file
# go to /lib/systemd/system and /etc/default, above).
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL server)
if(chat_have_client)
    list(APPEND CPACK_COMPONENTS_ALL client)
endif()

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE ${CHAT_DEB_RELEASE})
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CHAT_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${CHAT_HOMEPAGE}")
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(CPACK_DEBIAN_SERVER_PACKAGE_NAME ${chat_package_server})
set(CPACK_DEBIAN_SERVER_PACKAGE_SECTION net)
# dpkg-shlibdeps finds the libraries; the Qt SQL drivers are plugins, loaded at run time.
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6sql6-psql")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
    ${chat_packaging_dir}/debian/server/conffiles
    ${chat_packaging_dir}/debian/server/postinst
    ${chat_packaging_dir}/debian/server/prerm
    ${chat_packaging_dir}/debian/server/postrm)
set(CPACK_COMPONENT_SERVER_DESCRIPTION
    "WebSocket server for a realtime room chat with a drawing board
chat-server is a headless WebSocket server for a realtime room chat with a
shared drawing board, wire-compatible with the original socket_chat server
and its web client. Rooms, messages and drawings are kept in SQLite, or in
PostgreSQL for several server nodes serving one chat.
.
This package installs the systemd service socket-chat-server.service, which
keeps its database in /var/lib/socket-chat and reads its settings from
/etc/default/socket-chat-server.")

set(CPACK_DEBIAN_CLIENT_PACKAGE_NAME ${chat_package_client})
set(CPACK_DEBIAN_CLIENT_PACKAGE_SECTION net)
# Plugins Qt loads at run time: the platform plugins beyond xcb (libqt6gui6) and the SVG image and icon
# plugins (libqt6svg6, also found by dpkg-shlibdeps); Qt's own translations of its dialogs are recommended.
set(CPACK_DEBIAN_CLIENT_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6svg6")
set(CPACK_DEBIAN_CLIENT_PACKAGE_RECOMMENDS "qt6-wayland, qt6-translations-l10n")
set(CPACK_DEBIAN_CLIENT_PACKAGE_SUGGESTS "socket-chat-server") # sounds: QtMultimedia (found by dpkg-shlibdeps)
set(CPACK_COMPONENT_CLIENT_DESCRIPTION
    "desktop client for a realtime room chat with a drawing board
chat-client is a Qt desktop client for a realtime room chat with a shared
drawing board: rooms, messages with sounds and notifications, a drawing
board shared by everyone in a room, and a log of the protocol. It works with
the chat-server of socket-chat-server and with the original socket_chat
server. English, Ukrainian and German.")

include(CPack)
