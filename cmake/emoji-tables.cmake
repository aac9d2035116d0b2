# Writes the emoji properties of Unicode's emoji data (UTS #51) as sorted C
# range tables into OUTPUT, so that what newsprint calls an emoji is what
# the standard installed with the system says, not ranges typed by hand.
#   cmake -DDATA=…/emoji-data.txt -DVARIATIONS=…/emoji-variation-sequences.txt
#         -DBLOCKS=…/Blocks.txt -DOUTPUT=… -P emoji-tables.cmake
foreach(input DATA VARIATIONS BLOCKS)
  if(NOT EXISTS "${${input}}")
    message(FATAL_ERROR "${${input}}: not found: install Debian's unicode-data "
                        "(setup.sh) or set NP_UNICODE_DIR")
  endif()
endforeach()

# The data lines of FILE, comments dropped, with ';' turned to '|' so that
# each line stays one CMake list element.
function(np_data_lines file out)
  file(READ "${file}" text)
  string(REGEX REPLACE "#[^\n]*" "" text "${text}")
  string(REPLACE ";" "|" text "${text}")
  string(REPLACE "\n" ";" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# Appends the range FIRST..LAST (decimal) to the list NAME, merging it into
# the last range when they touch: the file splits ranges by version.
macro(np_add_range name first last)
  list(LENGTH ${name}_first n)
  set(merged FALSE)
  if(n GREATER 0)
    math(EXPR i "${n} - 1")
    list(GET ${name}_last ${i} prev)
    math(EXPR next "${prev} + 1")
    if(next EQUAL ${first})
      list(REMOVE_AT ${name}_last ${i})
      list(APPEND ${name}_last ${last})
      set(merged TRUE)
    endif()
  endif()
  if(NOT merged)
    list(APPEND ${name}_first ${first})
    list(APPEND ${name}_last ${last})
  endif()
endmacro()

set(properties Extended_Pictographic Emoji Emoji_Presentation Emoji_Modifier
               Emoji_Modifier_Base Emoji_Component)
np_data_lines("${DATA}" lines)
foreach(line IN LISTS lines)
  if(NOT line MATCHES "^ *([0-9A-F]+)(\\.\\.([0-9A-F]+))? *\\| *([A-Za-z_]+)")
    continue()
  endif()
  set(property "${CMAKE_MATCH_4}")
  math(EXPR first "0x${CMAKE_MATCH_1}")
  if(CMAKE_MATCH_3)
    math(EXPR last "0x${CMAKE_MATCH_3}")
  else()
    set(last ${first})
  endif()
  np_add_range(${property} ${first} ${last})
endforeach()

# The selectors that emoji variation sequences use (U+FE0E text, U+FE0F
# emoji), taken from the sequences themselves, in code point order.
np_data_lines("${VARIATIONS}" lines)
set(selector_codes)
foreach(line IN LISTS lines)
  if(line MATCHES "^ *[0-9A-F]+ +([0-9A-F]+) *\\|")
    math(EXPR code "0x${CMAKE_MATCH_1}")
    list(APPEND selector_codes ${code})
  endif()
endforeach()
list(REMOVE_DUPLICATES selector_codes)
list(SORT selector_codes COMPARE NATURAL)
foreach(code IN LISTS selector_codes)
  np_add_range(Variation_Selector ${code} ${code})
endforeach()

# The blocks of the BMP whose emoji characters are decoration even in text
# style (☺ ⚧ ✈ ⌨): a report pasted from social media scatters them, and
# --emoji strip takes them.  Letterlike symbols, arrows, enclosed and
# geometric shapes and CJK symbols (© ™ ↔ Ⓜ ▶ ㊗) carry meaning and stay.
set(decoration_blocks "Miscellaneous Technical" "Miscellaneous Symbols"
                      "Dingbats" "Miscellaneous Symbols and Arrows")
np_data_lines("${BLOCKS}" lines)
foreach(line IN LISTS lines)
  if(line MATCHES "^ *([0-9A-F]+)\\.\\.([0-9A-F]+) *\\| *([^|]*[^ |])")
    list(FIND decoration_blocks "${CMAKE_MATCH_3}" found)
    if(found GREATER -1)
      math(EXPR first "0x${CMAKE_MATCH_1}")
      math(EXPR last "0x${CMAKE_MATCH_2}")
      np_add_range(Decoration_Block ${first} ${last})
    endif()
  endif()
endforeach()

get_filename_component(data_name "${DATA}" NAME)
get_filename_component(variations_name "${VARIATIONS}" NAME)
get_filename_component(blocks_name "${BLOCKS}" NAME)
string(CONCAT c "/* Generated from ${data_name}, ${variations_name} (Unicode,\n"
      " * UTS #51) and ${blocks_name} by cmake/emoji-tables.cmake: do not\n"
      " * edit.  Each table holds sorted, disjoint, inclusive code point\n"
      " * ranges. */\n")
foreach(property IN LISTS properties ITEMS Variation_Selector Decoration_Block)
  list(LENGTH ${property}_first n)
  if(n EQUAL 0)
    message(FATAL_ERROR "${DATA}: no ${property} ranges: not UTS #51 emoji data?")
  endif()
  string(TOLOWER "${property}" name)
  string(APPEND c "\nstatic const gunichar np_${name}[][2] = {\n")
  math(EXPR n "${n} - 1")
  foreach(i RANGE ${n})
    list(GET ${property}_first ${i} first)
    list(GET ${property}_last ${i} last)
    math(EXPR first "${first}" OUTPUT_FORMAT HEXADECIMAL)
    math(EXPR last "${last}" OUTPUT_FORMAT HEXADECIMAL)
    string(APPEND c "  { ${first}, ${last} },\n")
  endforeach()
  string(APPEND c "};\n")
endforeach()
file(WRITE "${OUTPUT}.tmp" "${c}")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
