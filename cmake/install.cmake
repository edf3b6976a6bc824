# install.cmake - `cmake --install`, the pkg-config file, man pages, shell
# completion and the Debian package (`cpack -G DEB`).  Included from the
# top-level CMakeLists.txt after the targets are defined.  See docs/install.md.
#
#   cmake -S . -B build -DCMAKE_INSTALL_PREFIX=/usr && cmake --build build -j2
#   cmake --install build --prefix /tmp/root      # or: cd build && cpack -G DEB
include(GNUInstallDirs)

# Where the command looks for shipped scenarios after the given path
# (engine/cli/datadir.c): the installation's share/jzsim.
set(JZ_DATADIR "${CMAKE_INSTALL_FULL_DATADIR}/jzsim")
target_compile_definitions(jzsim_cli PRIVATE
  JZSIM_DATADIR="${JZ_DATADIR}"
  JZ_BUILT_YAML_VERSION="${YAML_VERSION}")

# --- generators: the scenario JSON Schema and the man pages -------------------
# jzsim-gen-schema prints the JSON Schema from the loader's own key tables
# (engine/scenario/schema.c and friends + engine/scenario/schema_types.c).
add_executable(jzsim_gen_schema ${CMAKE_SOURCE_DIR}/engine/tools/gen_schema.c)
target_include_directories(jzsim_gen_schema PRIVATE ${CMAKE_SOURCE_DIR}/engine)
target_link_libraries(jzsim_gen_schema PRIVATE jzsim)

find_package(Python3 COMPONENTS Interpreter)
set(JZ_MAN_DIR ${CMAKE_BINARY_DIR}/man)
set(JZ_COMMANDS run validate compare calibrate backtest measures mc sensitivity)
set(JZ_MAN_PAGES ${JZ_MAN_DIR}/jzsim.1)
foreach(c ${JZ_COMMANDS})
  list(APPEND JZ_MAN_PAGES ${JZ_MAN_DIR}/jzsim-${c}.1)
endforeach()
if(Python3_FOUND)
  # The man pages are made from `jzsim --help` and `jzsim CMD --help`, which
  # the CLI prints from its option tables: they cannot drift from the help.
  add_custom_command(OUTPUT ${JZ_MAN_PAGES}
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/packaging/gen-man.py
            $<TARGET_FILE:jzsim_cli> ${JZ_MAN_DIR} ${PROJECT_VERSION}
    DEPENDS jzsim_cli ${CMAKE_SOURCE_DIR}/packaging/gen-man.py
    COMMENT "Generating man pages from jzsim --help")
  add_custom_target(jzsim_man ALL DEPENDS ${JZ_MAN_PAGES})
  # gzip -9n: Debian policy wants compressed man pages.
  set(JZ_MAN_GZ)
  foreach(page ${JZ_MAN_PAGES})
    add_custom_command(OUTPUT ${page}.gz
      COMMAND gzip -9nc ${page} > ${page}.gz
      DEPENDS ${page})
    list(APPEND JZ_MAN_GZ ${page}.gz)
  endforeach()
  add_custom_target(jzsim_man_gz ALL DEPENDS ${JZ_MAN_GZ})
  install(FILES ${JZ_MAN_GZ} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(WARNING "python3 not found: no man pages")
endif()

# --- the program, the library, its headers and pkg-config file -----------------
install(TARGETS jzsim_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS jzsim ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/include/jzsim
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.h")
# jzsim/version.h is generated from project(VERSION) into the build folder.
install(FILES ${CMAKE_BINARY_DIR}/include/jzsim/version.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/jzsim)
set(JZ_PC_REQUIRES "gsl yaml-0.1")
set(JZ_PC_CFLAGS "")
if(XLSXWRITER_FOUND)
  string(APPEND JZ_PC_REQUIRES " xlsxwriter")
  set(JZ_PC_CFLAGS "-DJZ_HAVE_XLSXWRITER=1")
endif()
# Relocatable: the prefix is found from the .pc file's own folder, so the same
# file holds for `cmake --install --prefix DIR` and for the .deb (prefix /usr).
file(RELATIVE_PATH JZ_PC_UP "${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig" "${CMAKE_INSTALL_PREFIX}")
configure_file(${CMAKE_SOURCE_DIR}/packaging/jzsim.pc.in ${CMAKE_BINARY_DIR}/jzsim.pc @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/jzsim.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# --- data: shipped scenarios, the scenario schema, docs -------------------------
# share/jzsim mirrors the source tree (scenarios/, docs/scenario.schema.json) so
# the scenarios' `$schema=../../docs/scenario.schema.json` line holds there too.
install(DIRECTORY ${CMAKE_SOURCE_DIR}/scenarios DESTINATION ${CMAKE_INSTALL_DATADIR}/jzsim
        FILES_MATCHING PATTERN "*.yaml" PATTERN "*.csv")
install(FILES ${CMAKE_SOURCE_DIR}/docs/scenario.schema.json
        DESTINATION ${CMAKE_INSTALL_DATADIR}/jzsim/docs)
file(GLOB JZ_DOCS ${CMAKE_SOURCE_DIR}/docs/*.md ${CMAKE_SOURCE_DIR}/docs/*.json)
install(FILES ${JZ_DOCS} ${CMAKE_SOURCE_DIR}/README.md ${CMAKE_SOURCE_DIR}/packaging/copyright
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
# Debian wants a compressed changelog in the package's doc folder.
add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/changelog.gz
  COMMAND gzip -9nc ${CMAKE_SOURCE_DIR}/packaging/changelog > ${CMAKE_BINARY_DIR}/changelog.gz
  DEPENDS ${CMAKE_SOURCE_DIR}/packaging/changelog)
add_custom_target(jzsim_changelog ALL DEPENDS ${CMAKE_BINARY_DIR}/changelog.gz)
install(FILES ${CMAKE_BINARY_DIR}/changelog.gz DESTINATION ${CMAKE_INSTALL_DOCDIR})

# --- the werksessie engine -------------------------------------------------------
# A jzsim configured with -DJZ_WERKSESSIE_ENGINE (the wasm preset's bundle,
# docs/werksessie.md) installs it as share/jzsim/werksessie.js, where the
# installed command reads it (engine/cli/datadir.c, cli_find_data_file): the
# build folder may be gone by then.
if(JZ_WERKSESSIE_ENGINE_ABS)
  install(FILES ${JZ_WERKSESSIE_ENGINE_ABS} DESTINATION ${CMAKE_INSTALL_DATADIR}/jzsim RENAME werksessie.js)
endif()

# --- shell completion ----------------------------------------------------------
install(FILES ${CMAKE_SOURCE_DIR}/completion/jzsim.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME jzsim)
install(FILES ${CMAKE_SOURCE_DIR}/completion/_jzsim
        DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)

# --- the Debian package ---------------------------------------------------------
set(CPACK_PACKAGE_NAME jzsim)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "jzsim maintainers <jzsim@example.org>")
set(CPACK_PACKAGE_VENDOR "jzsim")
set(CPACK_RESOURCE_FILE_LICENSE "${CMAKE_SOURCE_DIR}/COPYING")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "projections of Dutch youth care volumes, costs and deficits")
set(CPACK_PACKAGE_DESCRIPTION
  "jzsim projects the volumes, costs and deficits (tekorten) of Dutch youth care\n(jeugdzorg) per gemeente and zorgsoort from a scenario file, compares\nscenarios, ranks measures and gives Monte Carlo bands.  The package holds the\ncommand, its library and headers, the shipped scenarios and the documentation.")
# A Debian package installs under /usr whatever the build's prefix; the
# command finds its data next to itself (../share/jzsim) and the .pc file is
# relocatable, so nothing in the package depends on CMAKE_INSTALL_PREFIX.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://example.org/jzsim")
# Runtime dependencies from the shared libraries the binary links (dpkg-shlibdeps:
# libgsl27, libyaml-0-2, libxlsxwriter4, libc6); the -dev packages for the
# library's users (pkg-config --libs jzsim) are suggested.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "libgsl-dev, libyaml-dev, libxlsxwriter-dev")
set(CPACK_STRIP_FILES ON)
include(CPack)
