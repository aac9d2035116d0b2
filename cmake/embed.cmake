# Writes the bytes of INPUT as a C array named NAME into OUTPUT, so that a
# data file (data/cues.ini) is built into newsprint and cannot go missing.
#   cmake -DINPUT=… -DOUTPUT=… -DNAME=… -P embed.cmake
file(READ "${INPUT}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n  " bytes "${bytes}")
file(WRITE "${OUTPUT}"
  "/* Generated from ${INPUT} by cmake/embed.cmake: do not edit. */\n"
  "const char ${NAME}[] = {\n  ${bytes}0x00\n};\n")
