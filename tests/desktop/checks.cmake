# Shared by the desktop test scripts: runs the node checker [script] (a
# .mjs of tests/desktop) on [file]; when it fails, [file] is added to the
# caller's `failed` list (a macro: it is the caller's variable).
macro(pylife_check script file)
  execute_process(COMMAND ${NODE} ${script} ${file} RESULT_VARIABLE _pylife_check)
  if(NOT _pylife_check EQUAL 0)
    list(APPEND failed "${file}")
  endif()
endmacro()
