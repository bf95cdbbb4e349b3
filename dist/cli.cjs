(function (run, self) { return self === globalThis ? run : run.call(exports, exports, require, module, __filename, __dirname); })(function (exports, require, module, __filename, __dirname) {
"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/cli/own-name.ts
var NESTING_DEPTH, OWN_NAME;
var init_own_name = __esm({
  "src/cli/own-name.ts"() {
    "use strict";
    NESTING_DEPTH = Number(process.env.RETRY_RUN_DEPTH ?? 0) || 0;
    OWN_NAME = NESTING_DEPTH > 0 ? `retry-run[${NESTING_DEPTH + 1}]` : "retry-run";
  }
});

// node_modules/commander/lib/error.js
var require_error = __commonJS({
  "node_modules/commander/lib/error.js"(exports2) {
    var CommanderError2 = class extends Error {
      /**
       * Constructs the CommanderError class
       * @param {number} exitCode suggested exit code which could be used with process.exit
       * @param {string} code an id string representing the error
       * @param {string} message human-readable description of the error
       */
      constructor(exitCode, code, message2) {
        super(message2);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
        this.code = code;
        this.exitCode = exitCode;
        this.nestedError = void 0;
      }
    };
    var InvalidArgumentError2 = class extends CommanderError2 {
      /**
       * Constructs the InvalidArgumentError class
       * @param {string} [message] explanation of why argument is invalid
       */
      constructor(message2) {
        super(1, "commander.invalidArgument", message2);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
      }
    };
    exports2.CommanderError = CommanderError2;
    exports2.InvalidArgumentError = InvalidArgumentError2;
  }
});

// node_modules/commander/lib/argument.js
var require_argument = __commonJS({
  "node_modules/commander/lib/argument.js"(exports2) {
    var { InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var Argument2 = class {
      /**
       * Initialize a new command argument with the given name and description.
       * The default is that the argument is required, and you can explicitly
       * indicate this with <> around the name. Put [] around the name for an optional argument.
       *
       * @param {string} name
       * @param {string} [description]
       */
      constructor(name, description) {
        this.description = description || "";
        this.variadic = false;
        this.parseArg = void 0;
        this.defaultValue = void 0;
        this.defaultValueDescription = void 0;
        this.argChoices = void 0;
        switch (name[0]) {
          case "<":
            this.required = true;
            this._name = name.slice(1, -1);
            break;
          case "[":
            this.required = false;
            this._name = name.slice(1, -1);
            break;
          default:
            this.required = true;
            this._name = name;
            break;
        }
        if (this._name.endsWith("...")) {
          this.variadic = true;
          this._name = this._name.slice(0, -3);
        }
      }
      /**
       * Return argument name.
       *
       * @return {string}
       */
      name() {
        return this._name;
      }
      /**
       * @package
       */
      _collectValue(value, previous) {
        if (previous === this.defaultValue || !Array.isArray(previous)) {
          return [value];
        }
        previous.push(value);
        return previous;
      }
      /**
       * Set the default value, and optionally supply the description to be displayed in the help.
       *
       * @param {*} value
       * @param {string} [description]
       * @return {Argument}
       */
      default(value, description) {
        this.defaultValue = value;
        this.defaultValueDescription = description;
        return this;
      }
      /**
       * Set the custom handler for processing CLI command arguments into argument values.
       *
       * @param {Function} [fn]
       * @return {Argument}
       */
      argParser(fn) {
        this.parseArg = fn;
        return this;
      }
      /**
       * Only allow argument value to be one of choices.
       *
       * @param {string[]} values
       * @return {Argument}
       */
      choices(values) {
        this.argChoices = values.slice();
        this.parseArg = (arg, previous) => {
          if (!this.argChoices.includes(arg)) {
            throw new InvalidArgumentError2(
              `Allowed choices are ${this.argChoices.join(", ")}.`
            );
          }
          if (this.variadic) {
            return this._collectValue(arg, previous);
          }
          return arg;
        };
        return this;
      }
      /**
       * Make argument required.
       *
       * @returns {Argument}
       */
      argRequired() {
        this.required = true;
        return this;
      }
      /**
       * Make argument optional.
       *
       * @returns {Argument}
       */
      argOptional() {
        this.required = false;
        return this;
      }
    };
    function humanReadableArgName(arg) {
      const nameOutput = arg.name() + (arg.variadic === true ? "..." : "");
      return arg.required ? "<" + nameOutput + ">" : "[" + nameOutput + "]";
    }
    exports2.Argument = Argument2;
    exports2.humanReadableArgName = humanReadableArgName;
  }
});

// lazy-builtin:child_process
var child_process_exports = {};
__export(child_process_exports, {
  ChildProcess: () => ChildProcess,
  _forkChild: () => _forkChild,
  exec: () => exec,
  execFile: () => execFile,
  execFileSync: () => execFileSync,
  execSync: () => execSync,
  fork: () => fork,
  spawn: () => spawn,
  spawnSync: () => spawnSync
});
function ChildProcess(...args) {
  return require("node:child_process").ChildProcess(...args);
}
function _forkChild(...args) {
  return require("node:child_process")._forkChild(...args);
}
function exec(...args) {
  return require("node:child_process").exec(...args);
}
function execFile(...args) {
  return require("node:child_process").execFile(...args);
}
function execFileSync(...args) {
  return require("node:child_process").execFileSync(...args);
}
function execSync(...args) {
  return require("node:child_process").execSync(...args);
}
function fork(...args) {
  return require("node:child_process").fork(...args);
}
function spawn(...args) {
  return require("node:child_process").spawn(...args);
}
function spawnSync(...args) {
  return require("node:child_process").spawnSync(...args);
}
var init_child_process = __esm({
  "lazy-builtin:child_process"() {
  }
});

// node_modules/commander/lib/help.js
var require_help = __commonJS({
  "node_modules/commander/lib/help.js"(exports2) {
    var { humanReadableArgName } = require_argument();
    var Help2 = class {
      constructor() {
        this.helpWidth = void 0;
        this.minWidthToWrap = 40;
        this.sortSubcommands = false;
        this.sortOptions = false;
        this.showGlobalOptions = false;
      }
      /**
       * prepareContext is called by Commander after applying overrides from `Command.configureHelp()`
       * and just before calling `formatHelp()`.
       *
       * Commander just uses the helpWidth and the rest is provided for optional use by more complex subclasses.
       *
       * @param {{ error?: boolean, helpWidth?: number, outputHasColors?: boolean }} contextOptions
       */
      prepareContext(contextOptions) {
        this.helpWidth = this.helpWidth ?? contextOptions.helpWidth ?? 80;
      }
      /**
       * Get an array of the visible subcommands. Includes a placeholder for the implicit help command, if there is one.
       *
       * @param {Command} cmd
       * @returns {Command[]}
       */
      visibleCommands(cmd) {
        const visibleCommands = cmd.commands.filter((cmd2) => !cmd2._hidden);
        const helpCommand = cmd._getHelpCommand();
        if (helpCommand && !helpCommand._hidden) {
          visibleCommands.push(helpCommand);
        }
        if (this.sortSubcommands) {
          visibleCommands.sort((a, b) => {
            return a.name().localeCompare(b.name());
          });
        }
        return visibleCommands;
      }
      /**
       * Compare options for sort.
       *
       * @param {Option} a
       * @param {Option} b
       * @returns {number}
       */
      compareOptions(a, b) {
        const getSortKey = (option) => {
          return option.short ? option.short.replace(/^-/, "") : option.long.replace(/^--/, "");
        };
        return getSortKey(a).localeCompare(getSortKey(b));
      }
      /**
       * Get an array of the visible options. Includes a placeholder for the implicit help option, if there is one.
       *
       * @param {Command} cmd
       * @returns {Option[]}
       */
      visibleOptions(cmd) {
        const visibleOptions = cmd.options.filter((option) => !option.hidden);
        const helpOption = cmd._getHelpOption();
        if (helpOption && !helpOption.hidden) {
          const removeShort = helpOption.short && cmd._findOption(helpOption.short);
          const removeLong = helpOption.long && cmd._findOption(helpOption.long);
          if (!removeShort && !removeLong) {
            visibleOptions.push(helpOption);
          } else if (helpOption.long && !removeLong) {
            visibleOptions.push(
              cmd.createOption(helpOption.long, helpOption.description)
            );
          } else if (helpOption.short && !removeShort) {
            visibleOptions.push(
              cmd.createOption(helpOption.short, helpOption.description)
            );
          }
        }
        if (this.sortOptions) {
          visibleOptions.sort(this.compareOptions);
        }
        return visibleOptions;
      }
      /**
       * Get an array of the visible global options. (Not including help.)
       *
       * @param {Command} cmd
       * @returns {Option[]}
       */
      visibleGlobalOptions(cmd) {
        if (!this.showGlobalOptions) return [];
        const globalOptions = [];
        for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
          const visibleOptions = ancestorCmd.options.filter(
            (option) => !option.hidden
          );
          globalOptions.push(...visibleOptions);
        }
        if (this.sortOptions) {
          globalOptions.sort(this.compareOptions);
        }
        return globalOptions;
      }
      /**
       * Get an array of the arguments if any have a description.
       *
       * @param {Command} cmd
       * @returns {Argument[]}
       */
      visibleArguments(cmd) {
        if (cmd._argsDescription) {
          cmd.registeredArguments.forEach((argument) => {
            argument.description = argument.description || cmd._argsDescription[argument.name()] || "";
          });
        }
        if (cmd.registeredArguments.find((argument) => argument.description)) {
          return cmd.registeredArguments;
        }
        return [];
      }
      /**
       * Get the command term to show in the list of subcommands.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      subcommandTerm(cmd) {
        const args = cmd.registeredArguments.map((arg) => humanReadableArgName(arg)).join(" ");
        return cmd._name + (cmd._aliases[0] ? "|" + cmd._aliases[0] : "") + (cmd.options.length ? " [options]" : "") + // simplistic check for non-help option
        (args ? " " + args : "");
      }
      /**
       * Get the option term to show in the list of options.
       *
       * @param {Option} option
       * @returns {string}
       */
      optionTerm(option) {
        return option.flags;
      }
      /**
       * Get the argument term to show in the list of arguments.
       *
       * @param {Argument} argument
       * @returns {string}
       */
      argumentTerm(argument) {
        return argument.name();
      }
      /**
       * Get the longest command term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestSubcommandTermLength(cmd, helper) {
        return helper.visibleCommands(cmd).reduce((max, command) => {
          return Math.max(
            max,
            this.displayWidth(
              helper.styleSubcommandTerm(helper.subcommandTerm(command))
            )
          );
        }, 0);
      }
      /**
       * Get the longest option term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestOptionTermLength(cmd, helper) {
        return helper.visibleOptions(cmd).reduce((max, option) => {
          return Math.max(
            max,
            this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
          );
        }, 0);
      }
      /**
       * Get the longest global option term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestGlobalOptionTermLength(cmd, helper) {
        return helper.visibleGlobalOptions(cmd).reduce((max, option) => {
          return Math.max(
            max,
            this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
          );
        }, 0);
      }
      /**
       * Get the longest argument term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestArgumentTermLength(cmd, helper) {
        return helper.visibleArguments(cmd).reduce((max, argument) => {
          return Math.max(
            max,
            this.displayWidth(
              helper.styleArgumentTerm(helper.argumentTerm(argument))
            )
          );
        }, 0);
      }
      /**
       * Get the command usage to be displayed at the top of the built-in help.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      commandUsage(cmd) {
        let cmdName = cmd._name;
        if (cmd._aliases[0]) {
          cmdName = cmdName + "|" + cmd._aliases[0];
        }
        let ancestorCmdNames = "";
        for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
          ancestorCmdNames = ancestorCmd.name() + " " + ancestorCmdNames;
        }
        return ancestorCmdNames + cmdName + " " + cmd.usage();
      }
      /**
       * Get the description for the command.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      commandDescription(cmd) {
        return cmd.description();
      }
      /**
       * Get the subcommand summary to show in the list of subcommands.
       * (Fallback to description for backwards compatibility.)
       *
       * @param {Command} cmd
       * @returns {string}
       */
      subcommandDescription(cmd) {
        return cmd.summary() || cmd.description();
      }
      /**
       * Get the option description to show in the list of options.
       *
       * @param {Option} option
       * @return {string}
       */
      optionDescription(option) {
        const extraInfo = [];
        if (option.argChoices) {
          extraInfo.push(
            // use stringify to match the display of the default value
            `choices: ${option.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
          );
        }
        if (option.defaultValue !== void 0) {
          const showDefault = option.required || option.optional || option.isBoolean() && typeof option.defaultValue === "boolean";
          if (showDefault) {
            extraInfo.push(
              `default: ${option.defaultValueDescription || JSON.stringify(option.defaultValue)}`
            );
          }
        }
        if (option.presetArg !== void 0 && option.optional) {
          extraInfo.push(`preset: ${JSON.stringify(option.presetArg)}`);
        }
        if (option.envVar !== void 0) {
          extraInfo.push(`env: ${option.envVar}`);
        }
        if (extraInfo.length > 0) {
          const extraDescription = `(${extraInfo.join(", ")})`;
          if (option.description) {
            return `${option.description} ${extraDescription}`;
          }
          return extraDescription;
        }
        return option.description;
      }
      /**
       * Get the argument description to show in the list of arguments.
       *
       * @param {Argument} argument
       * @return {string}
       */
      argumentDescription(argument) {
        const extraInfo = [];
        if (argument.argChoices) {
          extraInfo.push(
            // use stringify to match the display of the default value
            `choices: ${argument.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
          );
        }
        if (argument.defaultValue !== void 0) {
          extraInfo.push(
            `default: ${argument.defaultValueDescription || JSON.stringify(argument.defaultValue)}`
          );
        }
        if (extraInfo.length > 0) {
          const extraDescription = `(${extraInfo.join(", ")})`;
          if (argument.description) {
            return `${argument.description} ${extraDescription}`;
          }
          return extraDescription;
        }
        return argument.description;
      }
      /**
       * Format a list of items, given a heading and an array of formatted items.
       *
       * @param {string} heading
       * @param {string[]} items
       * @param {Help} helper
       * @returns string[]
       */
      formatItemList(heading, items, helper) {
        if (items.length === 0) return [];
        return [helper.styleTitle(heading), ...items, ""];
      }
      /**
       * Group items by their help group heading.
       *
       * @param {Command[] | Option[]} unsortedItems
       * @param {Command[] | Option[]} visibleItems
       * @param {Function} getGroup
       * @returns {Map<string, Command[] | Option[]>}
       */
      groupItems(unsortedItems, visibleItems, getGroup) {
        const result = /* @__PURE__ */ new Map();
        unsortedItems.forEach((item) => {
          const group = getGroup(item);
          if (!result.has(group)) result.set(group, []);
        });
        visibleItems.forEach((item) => {
          const group = getGroup(item);
          if (!result.has(group)) {
            result.set(group, []);
          }
          result.get(group).push(item);
        });
        return result;
      }
      /**
       * Generate the built-in help text.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {string}
       */
      formatHelp(cmd, helper) {
        const termWidth = helper.padWidth(cmd, helper);
        const helpWidth2 = helper.helpWidth ?? 80;
        function callFormatItem(term, description) {
          return helper.formatItem(term, termWidth, description, helper);
        }
        let output = [
          `${helper.styleTitle("Usage:")} ${helper.styleUsage(helper.commandUsage(cmd))}`,
          ""
        ];
        const commandDescription = helper.commandDescription(cmd);
        if (commandDescription.length > 0) {
          output = output.concat([
            helper.boxWrap(
              helper.styleCommandDescription(commandDescription),
              helpWidth2
            ),
            ""
          ]);
        }
        const argumentList = helper.visibleArguments(cmd).map((argument) => {
          return callFormatItem(
            helper.styleArgumentTerm(helper.argumentTerm(argument)),
            helper.styleArgumentDescription(helper.argumentDescription(argument))
          );
        });
        output = output.concat(
          this.formatItemList("Arguments:", argumentList, helper)
        );
        const optionGroups = this.groupItems(
          cmd.options,
          helper.visibleOptions(cmd),
          (option) => option.helpGroupHeading ?? "Options:"
        );
        optionGroups.forEach((options, group) => {
          const optionList = options.map((option) => {
            return callFormatItem(
              helper.styleOptionTerm(helper.optionTerm(option)),
              helper.styleOptionDescription(helper.optionDescription(option))
            );
          });
          output = output.concat(this.formatItemList(group, optionList, helper));
        });
        if (helper.showGlobalOptions) {
          const globalOptionList = helper.visibleGlobalOptions(cmd).map((option) => {
            return callFormatItem(
              helper.styleOptionTerm(helper.optionTerm(option)),
              helper.styleOptionDescription(helper.optionDescription(option))
            );
          });
          output = output.concat(
            this.formatItemList("Global Options:", globalOptionList, helper)
          );
        }
        const commandGroups = this.groupItems(
          cmd.commands,
          helper.visibleCommands(cmd),
          (sub) => sub.helpGroup() || "Commands:"
        );
        commandGroups.forEach((commands, group) => {
          const commandList = commands.map((sub) => {
            return callFormatItem(
              helper.styleSubcommandTerm(helper.subcommandTerm(sub)),
              helper.styleSubcommandDescription(helper.subcommandDescription(sub))
            );
          });
          output = output.concat(this.formatItemList(group, commandList, helper));
        });
        return output.join("\n");
      }
      /**
       * Return display width of string, ignoring ANSI escape sequences. Used in padding and wrapping calculations.
       *
       * @param {string} str
       * @returns {number}
       */
      displayWidth(str) {
        return stripColor(str).length;
      }
      /**
       * Style the title for displaying in the help. Called with 'Usage:', 'Options:', etc.
       *
       * @param {string} str
       * @returns {string}
       */
      styleTitle(str) {
        return str;
      }
      styleUsage(str) {
        return str.split(" ").map((word) => {
          if (word === "[options]") return this.styleOptionText(word);
          if (word === "[command]") return this.styleSubcommandText(word);
          if (word[0] === "[" || word[0] === "<")
            return this.styleArgumentText(word);
          return this.styleCommandText(word);
        }).join(" ");
      }
      styleCommandDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleOptionDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleSubcommandDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleArgumentDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleDescriptionText(str) {
        return str;
      }
      styleOptionTerm(str) {
        return this.styleOptionText(str);
      }
      styleSubcommandTerm(str) {
        return str.split(" ").map((word) => {
          if (word === "[options]") return this.styleOptionText(word);
          if (word[0] === "[" || word[0] === "<")
            return this.styleArgumentText(word);
          return this.styleSubcommandText(word);
        }).join(" ");
      }
      styleArgumentTerm(str) {
        return this.styleArgumentText(str);
      }
      styleOptionText(str) {
        return str;
      }
      styleArgumentText(str) {
        return str;
      }
      styleSubcommandText(str) {
        return str;
      }
      styleCommandText(str) {
        return str;
      }
      /**
       * Calculate the pad width from the maximum term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      padWidth(cmd, helper) {
        return Math.max(
          helper.longestOptionTermLength(cmd, helper),
          helper.longestGlobalOptionTermLength(cmd, helper),
          helper.longestSubcommandTermLength(cmd, helper),
          helper.longestArgumentTermLength(cmd, helper)
        );
      }
      /**
       * Detect manually wrapped and indented strings by checking for line break followed by whitespace.
       *
       * @param {string} str
       * @returns {boolean}
       */
      preformatted(str) {
        return /\n[^\S\r\n]/.test(str);
      }
      /**
       * Format the "item", which consists of a term and description. Pad the term and wrap the description, indenting the following lines.
       *
       * So "TTT", 5, "DDD DDDD DD DDD" might be formatted for this.helpWidth=17 like so:
       *   TTT  DDD DDDD
       *        DD DDD
       *
       * @param {string} term
       * @param {number} termWidth
       * @param {string} description
       * @param {Help} helper
       * @returns {string}
       */
      formatItem(term, termWidth, description, helper) {
        const itemIndent = 2;
        const itemIndentStr = " ".repeat(itemIndent);
        if (!description) return itemIndentStr + term;
        const paddedTerm = term.padEnd(
          termWidth + term.length - helper.displayWidth(term)
        );
        const spacerWidth = 2;
        const helpWidth2 = this.helpWidth ?? 80;
        const remainingWidth = helpWidth2 - termWidth - spacerWidth - itemIndent;
        let formattedDescription;
        if (remainingWidth < this.minWidthToWrap || helper.preformatted(description)) {
          formattedDescription = description;
        } else {
          const wrappedDescription = helper.boxWrap(description, remainingWidth);
          formattedDescription = wrappedDescription.replace(
            /\n/g,
            "\n" + " ".repeat(termWidth + spacerWidth)
          );
        }
        return itemIndentStr + paddedTerm + " ".repeat(spacerWidth) + formattedDescription.replace(/\n/g, `
${itemIndentStr}`);
      }
      /**
       * Wrap a string at whitespace, preserving existing line breaks.
       * Wrapping is skipped if the width is less than `minWidthToWrap`.
       *
       * @param {string} str
       * @param {number} width
       * @returns {string}
       */
      boxWrap(str, width) {
        if (width < this.minWidthToWrap) return str;
        const rawLines = str.split(/\r\n|\n/);
        const chunkPattern = /[\s]*[^\s]+/g;
        const wrappedLines = [];
        rawLines.forEach((line) => {
          const chunks2 = line.match(chunkPattern);
          if (chunks2 === null) {
            wrappedLines.push("");
            return;
          }
          let sumChunks = [chunks2.shift()];
          let sumWidth = this.displayWidth(sumChunks[0]);
          chunks2.forEach((chunk) => {
            const visibleWidth = this.displayWidth(chunk);
            if (sumWidth + visibleWidth <= width) {
              sumChunks.push(chunk);
              sumWidth += visibleWidth;
              return;
            }
            wrappedLines.push(sumChunks.join(""));
            const nextChunk = chunk.trimStart();
            sumChunks = [nextChunk];
            sumWidth = this.displayWidth(nextChunk);
          });
          wrappedLines.push(sumChunks.join(""));
        });
        return wrappedLines.join("\n");
      }
    };
    function stripColor(str) {
      const sgrPattern = /\x1b\[\d*(;\d*)*m/g;
      return str.replace(sgrPattern, "");
    }
    exports2.Help = Help2;
    exports2.stripColor = stripColor;
  }
});

// node_modules/commander/lib/option.js
var require_option = __commonJS({
  "node_modules/commander/lib/option.js"(exports2) {
    var { InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var Option2 = class {
      /**
       * Initialize a new `Option` with the given `flags` and `description`.
       *
       * @param {string} flags
       * @param {string} [description]
       */
      constructor(flags, description) {
        this.flags = flags;
        this.description = description || "";
        this.required = flags.includes("<");
        this.optional = flags.includes("[");
        this.variadic = /\w\.\.\.[>\]]$/.test(flags);
        this.mandatory = false;
        const optionFlags = splitOptionFlags(flags);
        this.short = optionFlags.shortFlag;
        this.long = optionFlags.longFlag;
        this.negate = false;
        if (this.long) {
          this.negate = this.long.startsWith("--no-");
        }
        this.defaultValue = void 0;
        this.defaultValueDescription = void 0;
        this.presetArg = void 0;
        this.envVar = void 0;
        this.parseArg = void 0;
        this.hidden = false;
        this.argChoices = void 0;
        this.conflictsWith = [];
        this.implied = void 0;
        this.helpGroupHeading = void 0;
      }
      /**
       * Set the default value, and optionally supply the description to be displayed in the help.
       *
       * @param {*} value
       * @param {string} [description]
       * @return {Option}
       */
      default(value, description) {
        this.defaultValue = value;
        this.defaultValueDescription = description;
        return this;
      }
      /**
       * Preset to use when option used without option-argument, especially optional but also boolean and negated.
       * The custom processing (parseArg) is called.
       *
       * @example
       * new Option('--color').default('GREYSCALE').preset('RGB');
       * new Option('--donate [amount]').preset('20').argParser(parseFloat);
       *
       * @param {*} arg
       * @return {Option}
       */
      preset(arg) {
        this.presetArg = arg;
        return this;
      }
      /**
       * Add option name(s) that conflict with this option.
       * An error will be displayed if conflicting options are found during parsing.
       *
       * @example
       * new Option('--rgb').conflicts('cmyk');
       * new Option('--js').conflicts(['ts', 'jsx']);
       *
       * @param {(string | string[])} names
       * @return {Option}
       */
      conflicts(names) {
        this.conflictsWith = this.conflictsWith.concat(names);
        return this;
      }
      /**
       * Specify implied option values for when this option is set and the implied options are not.
       *
       * The custom processing (parseArg) is not called on the implied values.
       *
       * @example
       * program
       *   .addOption(new Option('--log', 'write logging information to file'))
       *   .addOption(new Option('--trace', 'log extra details').implies({ log: 'trace.txt' }));
       *
       * @param {object} impliedOptionValues
       * @return {Option}
       */
      implies(impliedOptionValues) {
        let newImplied = impliedOptionValues;
        if (typeof impliedOptionValues === "string") {
          newImplied = { [impliedOptionValues]: true };
        }
        this.implied = Object.assign(this.implied || {}, newImplied);
        return this;
      }
      /**
       * Set environment variable to check for option value.
       *
       * An environment variable is only used if when processed the current option value is
       * undefined, or the source of the current value is 'default' or 'config' or 'env'.
       *
       * @param {string} name
       * @return {Option}
       */
      env(name) {
        this.envVar = name;
        return this;
      }
      /**
       * Set the custom handler for processing CLI option arguments into option values.
       *
       * @param {Function} [fn]
       * @return {Option}
       */
      argParser(fn) {
        this.parseArg = fn;
        return this;
      }
      /**
       * Whether the option is mandatory and must have a value after parsing.
       *
       * @param {boolean} [mandatory=true]
       * @return {Option}
       */
      makeOptionMandatory(mandatory = true) {
        this.mandatory = !!mandatory;
        return this;
      }
      /**
       * Hide option in help.
       *
       * @param {boolean} [hide=true]
       * @return {Option}
       */
      hideHelp(hide = true) {
        this.hidden = !!hide;
        return this;
      }
      /**
       * @package
       */
      _collectValue(value, previous) {
        if (previous === this.defaultValue || !Array.isArray(previous)) {
          return [value];
        }
        previous.push(value);
        return previous;
      }
      /**
       * Only allow option value to be one of choices.
       *
       * @param {string[]} values
       * @return {Option}
       */
      choices(values) {
        this.argChoices = values.slice();
        this.parseArg = (arg, previous) => {
          if (!this.argChoices.includes(arg)) {
            throw new InvalidArgumentError2(
              `Allowed choices are ${this.argChoices.join(", ")}.`
            );
          }
          if (this.variadic) {
            return this._collectValue(arg, previous);
          }
          return arg;
        };
        return this;
      }
      /**
       * Return option name.
       *
       * @return {string}
       */
      name() {
        if (this.long) {
          return this.long.replace(/^--/, "");
        }
        return this.short.replace(/^-/, "");
      }
      /**
       * Return option name, in a camelcase format that can be used
       * as an object attribute key.
       *
       * @return {string}
       */
      attributeName() {
        if (this.negate) {
          return camelcase(this.name().replace(/^no-/, ""));
        }
        return camelcase(this.name());
      }
      /**
       * Set the help group heading.
       *
       * @param {string} heading
       * @return {Option}
       */
      helpGroup(heading) {
        this.helpGroupHeading = heading;
        return this;
      }
      /**
       * Check if `arg` matches the short or long flag.
       *
       * @param {string} arg
       * @return {boolean}
       * @package
       */
      is(arg) {
        return this.short === arg || this.long === arg;
      }
      /**
       * Return whether a boolean option.
       *
       * Options are one of boolean, negated, required argument, or optional argument.
       *
       * @return {boolean}
       * @package
       */
      isBoolean() {
        return !this.required && !this.optional && !this.negate;
      }
    };
    var DualOptions = class {
      /**
       * @param {Option[]} options
       */
      constructor(options) {
        this.positiveOptions = /* @__PURE__ */ new Map();
        this.negativeOptions = /* @__PURE__ */ new Map();
        this.dualOptions = /* @__PURE__ */ new Set();
        options.forEach((option) => {
          if (option.negate) {
            this.negativeOptions.set(option.attributeName(), option);
          } else {
            this.positiveOptions.set(option.attributeName(), option);
          }
        });
        this.negativeOptions.forEach((value, key) => {
          if (this.positiveOptions.has(key)) {
            this.dualOptions.add(key);
          }
        });
      }
      /**
       * Did the value come from the option, and not from possible matching dual option?
       *
       * @param {*} value
       * @param {Option} option
       * @returns {boolean}
       */
      valueFromOption(value, option) {
        const optionKey = option.attributeName();
        if (!this.dualOptions.has(optionKey)) return true;
        const preset = this.negativeOptions.get(optionKey).presetArg;
        const negativeValue = preset !== void 0 ? preset : false;
        return option.negate === (negativeValue === value);
      }
    };
    function camelcase(str) {
      return str.split("-").reduce((str2, word) => {
        return str2 + word[0].toUpperCase() + word.slice(1);
      });
    }
    function splitOptionFlags(flags) {
      let shortFlag;
      let longFlag;
      const shortFlagExp = /^-[^-]$/;
      const longFlagExp = /^--[^-]/;
      const flagParts = flags.split(/[ |,]+/).concat("guard");
      if (shortFlagExp.test(flagParts[0])) shortFlag = flagParts.shift();
      if (longFlagExp.test(flagParts[0])) longFlag = flagParts.shift();
      if (!shortFlag && shortFlagExp.test(flagParts[0]))
        shortFlag = flagParts.shift();
      if (!shortFlag && longFlagExp.test(flagParts[0])) {
        shortFlag = longFlag;
        longFlag = flagParts.shift();
      }
      if (flagParts[0].startsWith("-")) {
        const unsupportedFlag = flagParts[0];
        const baseError = `option creation failed due to '${unsupportedFlag}' in option flags '${flags}'`;
        if (/^-[^-][^-]/.test(unsupportedFlag))
          throw new Error(
            `${baseError}
- a short flag is a single dash and a single character
  - either use a single dash and a single character (for a short flag)
  - or use a double dash for a long option (and can have two, like '--ws, --workspace')`
          );
        if (shortFlagExp.test(unsupportedFlag))
          throw new Error(`${baseError}
- too many short flags`);
        if (longFlagExp.test(unsupportedFlag))
          throw new Error(`${baseError}
- too many long flags`);
        throw new Error(`${baseError}
- unrecognised flag format`);
      }
      if (shortFlag === void 0 && longFlag === void 0)
        throw new Error(
          `option creation failed due to no flags found in '${flags}'.`
        );
      return { shortFlag, longFlag };
    }
    exports2.Option = Option2;
    exports2.DualOptions = DualOptions;
  }
});

// node_modules/commander/lib/suggestSimilar.js
var require_suggestSimilar = __commonJS({
  "node_modules/commander/lib/suggestSimilar.js"(exports2) {
    var maxDistance = 3;
    function editDistance2(a, b) {
      if (Math.abs(a.length - b.length) > maxDistance)
        return Math.max(a.length, b.length);
      const d = [];
      for (let i = 0; i <= a.length; i++) {
        d[i] = [i];
      }
      for (let j = 0; j <= b.length; j++) {
        d[0][j] = j;
      }
      for (let j = 1; j <= b.length; j++) {
        for (let i = 1; i <= a.length; i++) {
          let cost = 1;
          if (a[i - 1] === b[j - 1]) {
            cost = 0;
          } else {
            cost = 1;
          }
          d[i][j] = Math.min(
            d[i - 1][j] + 1,
            // deletion
            d[i][j - 1] + 1,
            // insertion
            d[i - 1][j - 1] + cost
            // substitution
          );
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
            d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
          }
        }
      }
      return d[a.length][b.length];
    }
    function suggestSimilar(word, candidates) {
      if (!candidates || candidates.length === 0) return "";
      candidates = Array.from(new Set(candidates));
      const searchingOptions = word.startsWith("--");
      if (searchingOptions) {
        word = word.slice(2);
        candidates = candidates.map((candidate) => candidate.slice(2));
      }
      let similar = [];
      let bestDistance = maxDistance;
      const minSimilarity = 0.4;
      candidates.forEach((candidate) => {
        if (candidate.length <= 1) return;
        const distance = editDistance2(word, candidate);
        const length = Math.max(word.length, candidate.length);
        const similarity = (length - distance) / length;
        if (similarity > minSimilarity) {
          if (distance < bestDistance) {
            bestDistance = distance;
            similar = [candidate];
          } else if (distance === bestDistance) {
            similar.push(candidate);
          }
        }
      });
      similar.sort((a, b) => a.localeCompare(b));
      if (searchingOptions) {
        similar = similar.map((candidate) => `--${candidate}`);
      }
      if (similar.length > 1) {
        return `
(Did you mean one of ${similar.join(", ")}?)`;
      }
      if (similar.length === 1) {
        return `
(Did you mean ${similar[0]}?)`;
      }
      return "";
    }
    exports2.suggestSimilar = suggestSimilar;
  }
});

// node_modules/commander/lib/command.js
var require_command = __commonJS({
  "node_modules/commander/lib/command.js"(exports2) {
    var EventEmitter = require("node:events").EventEmitter;
    var childProcess = (init_child_process(), __toCommonJS(child_process_exports));
    var path = require("node:path");
    var fs = require("node:fs");
    var process3 = require("node:process");
    var { Argument: Argument2, humanReadableArgName } = require_argument();
    var { CommanderError: CommanderError2 } = require_error();
    var { Help: Help2, stripColor } = require_help();
    var { Option: Option2, DualOptions } = require_option();
    var { suggestSimilar } = require_suggestSimilar();
    var Command2 = class _Command extends EventEmitter {
      /**
       * Initialize a new `Command`.
       *
       * @param {string} [name]
       */
      constructor(name) {
        super();
        this.commands = [];
        this.options = [];
        this.parent = null;
        this._allowUnknownOption = false;
        this._allowExcessArguments = false;
        this.registeredArguments = [];
        this._args = this.registeredArguments;
        this.args = [];
        this.rawArgs = [];
        this.processedArgs = [];
        this._scriptPath = null;
        this._name = name || "";
        this._optionValues = {};
        this._optionValueSources = {};
        this._storeOptionsAsProperties = false;
        this._actionHandler = null;
        this._executableHandler = false;
        this._executableFile = null;
        this._executableDir = null;
        this._defaultCommandName = null;
        this._exitCallback = null;
        this._aliases = [];
        this._combineFlagAndOptionalValue = true;
        this._description = "";
        this._summary = "";
        this._argsDescription = void 0;
        this._enablePositionalOptions = false;
        this._passThroughOptions = false;
        this._lifeCycleHooks = {};
        this._showHelpAfterError = false;
        this._showSuggestionAfterError = true;
        this._savedState = null;
        this._outputConfiguration = {
          writeOut: (str) => process3.stdout.write(str),
          writeErr: (str) => process3.stderr.write(str),
          outputError: (str, write) => write(str),
          getOutHelpWidth: () => process3.stdout.isTTY ? process3.stdout.columns : void 0,
          getErrHelpWidth: () => process3.stderr.isTTY ? process3.stderr.columns : void 0,
          getOutHasColors: () => useColor() ?? (process3.stdout.isTTY && process3.stdout.hasColors?.()),
          getErrHasColors: () => useColor() ?? (process3.stderr.isTTY && process3.stderr.hasColors?.()),
          stripColor: (str) => stripColor(str)
        };
        this._hidden = false;
        this._helpOption = void 0;
        this._addImplicitHelpCommand = void 0;
        this._helpCommand = void 0;
        this._helpConfiguration = {};
        this._helpGroupHeading = void 0;
        this._defaultCommandGroup = void 0;
        this._defaultOptionGroup = void 0;
      }
      /**
       * Copy settings that are useful to have in common across root command and subcommands.
       *
       * (Used internally when adding a command using `.command()` so subcommands inherit parent settings.)
       *
       * @param {Command} sourceCommand
       * @return {Command} `this` command for chaining
       */
      copyInheritedSettings(sourceCommand) {
        this._outputConfiguration = sourceCommand._outputConfiguration;
        this._helpOption = sourceCommand._helpOption;
        this._helpCommand = sourceCommand._helpCommand;
        this._helpConfiguration = sourceCommand._helpConfiguration;
        this._exitCallback = sourceCommand._exitCallback;
        this._storeOptionsAsProperties = sourceCommand._storeOptionsAsProperties;
        this._combineFlagAndOptionalValue = sourceCommand._combineFlagAndOptionalValue;
        this._allowExcessArguments = sourceCommand._allowExcessArguments;
        this._enablePositionalOptions = sourceCommand._enablePositionalOptions;
        this._showHelpAfterError = sourceCommand._showHelpAfterError;
        this._showSuggestionAfterError = sourceCommand._showSuggestionAfterError;
        return this;
      }
      /**
       * @returns {Command[]}
       * @private
       */
      _getCommandAndAncestors() {
        const result = [];
        for (let command = this; command; command = command.parent) {
          result.push(command);
        }
        return result;
      }
      /**
       * Define a command.
       *
       * There are two styles of command: pay attention to where to put the description.
       *
       * @example
       * // Command implemented using action handler (description is supplied separately to `.command`)
       * program
       *   .command('clone <source> [destination]')
       *   .description('clone a repository into a newly created directory')
       *   .action((source, destination) => {
       *     console.log('clone command called');
       *   });
       *
       * // Command implemented using separate executable file (description is second parameter to `.command`)
       * program
       *   .command('start <service>', 'start named service')
       *   .command('stop [service]', 'stop named service, or all if no name supplied');
       *
       * @param {string} nameAndArgs - command name and arguments, args are `<required>` or `[optional]` and last may also be `variadic...`
       * @param {(object | string)} [actionOptsOrExecDesc] - configuration options (for action), or description (for executable)
       * @param {object} [execOpts] - configuration options (for executable)
       * @return {Command} returns new command for action handler, or `this` for executable command
       */
      command(nameAndArgs, actionOptsOrExecDesc, execOpts) {
        let desc = actionOptsOrExecDesc;
        let opts = execOpts;
        if (typeof desc === "object" && desc !== null) {
          opts = desc;
          desc = null;
        }
        opts = opts || {};
        const [, name, args] = nameAndArgs.match(/([^ ]+) *(.*)/);
        const cmd = this.createCommand(name);
        if (desc) {
          cmd.description(desc);
          cmd._executableHandler = true;
        }
        if (opts.isDefault) this._defaultCommandName = cmd._name;
        cmd._hidden = !!(opts.noHelp || opts.hidden);
        cmd._executableFile = opts.executableFile || null;
        if (args) cmd.arguments(args);
        this._registerCommand(cmd);
        cmd.parent = this;
        cmd.copyInheritedSettings(this);
        if (desc) return this;
        return cmd;
      }
      /**
       * Factory routine to create a new unattached command.
       *
       * See .command() for creating an attached subcommand, which uses this routine to
       * create the command. You can override createCommand to customise subcommands.
       *
       * @param {string} [name]
       * @return {Command} new command
       */
      createCommand(name) {
        return new _Command(name);
      }
      /**
       * You can customise the help with a subclass of Help by overriding createHelp,
       * or by overriding Help properties using configureHelp().
       *
       * @return {Help}
       */
      createHelp() {
        return Object.assign(new Help2(), this.configureHelp());
      }
      /**
       * You can customise the help by overriding Help properties using configureHelp(),
       * or with a subclass of Help by overriding createHelp().
       *
       * @param {object} [configuration] - configuration options
       * @return {(Command | object)} `this` command for chaining, or stored configuration
       */
      configureHelp(configuration) {
        if (configuration === void 0) return this._helpConfiguration;
        this._helpConfiguration = configuration;
        return this;
      }
      /**
       * The default output goes to stdout and stderr. You can customise this for special
       * applications. You can also customise the display of errors by overriding outputError.
       *
       * The configuration properties are all functions:
       *
       *     // change how output being written, defaults to stdout and stderr
       *     writeOut(str)
       *     writeErr(str)
       *     // change how output being written for errors, defaults to writeErr
       *     outputError(str, write) // used for displaying errors and not used for displaying help
       *     // specify width for wrapping help
       *     getOutHelpWidth()
       *     getErrHelpWidth()
       *     // color support, currently only used with Help
       *     getOutHasColors()
       *     getErrHasColors()
       *     stripColor() // used to remove ANSI escape codes if output does not have colors
       *
       * @param {object} [configuration] - configuration options
       * @return {(Command | object)} `this` command for chaining, or stored configuration
       */
      configureOutput(configuration) {
        if (configuration === void 0) return this._outputConfiguration;
        this._outputConfiguration = {
          ...this._outputConfiguration,
          ...configuration
        };
        return this;
      }
      /**
       * Display the help or a custom message after an error occurs.
       *
       * @param {(boolean|string)} [displayHelp]
       * @return {Command} `this` command for chaining
       */
      showHelpAfterError(displayHelp = true) {
        if (typeof displayHelp !== "string") displayHelp = !!displayHelp;
        this._showHelpAfterError = displayHelp;
        return this;
      }
      /**
       * Display suggestion of similar commands for unknown commands, or options for unknown options.
       *
       * @param {boolean} [displaySuggestion]
       * @return {Command} `this` command for chaining
       */
      showSuggestionAfterError(displaySuggestion = true) {
        this._showSuggestionAfterError = !!displaySuggestion;
        return this;
      }
      /**
       * Add a prepared subcommand.
       *
       * See .command() for creating an attached subcommand which inherits settings from its parent.
       *
       * @param {Command} cmd - new subcommand
       * @param {object} [opts] - configuration options
       * @return {Command} `this` command for chaining
       */
      addCommand(cmd, opts) {
        if (!cmd._name) {
          throw new Error(`Command passed to .addCommand() must have a name
- specify the name in Command constructor or using .name()`);
        }
        opts = opts || {};
        if (opts.isDefault) this._defaultCommandName = cmd._name;
        if (opts.noHelp || opts.hidden) cmd._hidden = true;
        this._registerCommand(cmd);
        cmd.parent = this;
        cmd._checkForBrokenPassThrough();
        return this;
      }
      /**
       * Factory routine to create a new unattached argument.
       *
       * See .argument() for creating an attached argument, which uses this routine to
       * create the argument. You can override createArgument to return a custom argument.
       *
       * @param {string} name
       * @param {string} [description]
       * @return {Argument} new argument
       */
      createArgument(name, description) {
        return new Argument2(name, description);
      }
      /**
       * Define argument syntax for command.
       *
       * The default is that the argument is required, and you can explicitly
       * indicate this with <> around the name. Put [] around the name for an optional argument.
       *
       * @example
       * program.argument('<input-file>');
       * program.argument('[output-file]');
       *
       * @param {string} name
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom argument processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      argument(name, description, parseArg, defaultValue) {
        const argument = this.createArgument(name, description);
        if (typeof parseArg === "function") {
          argument.default(defaultValue).argParser(parseArg);
        } else {
          argument.default(parseArg);
        }
        this.addArgument(argument);
        return this;
      }
      /**
       * Define argument syntax for command, adding multiple at once (without descriptions).
       *
       * See also .argument().
       *
       * @example
       * program.arguments('<cmd> [env]');
       *
       * @param {string} names
       * @return {Command} `this` command for chaining
       */
      arguments(names) {
        names.trim().split(/ +/).forEach((detail) => {
          this.argument(detail);
        });
        return this;
      }
      /**
       * Define argument syntax for command, adding a prepared argument.
       *
       * @param {Argument} argument
       * @return {Command} `this` command for chaining
       */
      addArgument(argument) {
        const previousArgument = this.registeredArguments.slice(-1)[0];
        if (previousArgument?.variadic) {
          throw new Error(
            `only the last argument can be variadic '${previousArgument.name()}'`
          );
        }
        if (argument.required && argument.defaultValue !== void 0 && argument.parseArg === void 0) {
          throw new Error(
            `a default value for a required argument is never used: '${argument.name()}'`
          );
        }
        this.registeredArguments.push(argument);
        return this;
      }
      /**
       * Customise or override default help command. By default a help command is automatically added if your command has subcommands.
       *
       * @example
       *    program.helpCommand('help [cmd]');
       *    program.helpCommand('help [cmd]', 'show help');
       *    program.helpCommand(false); // suppress default help command
       *    program.helpCommand(true); // add help command even if no subcommands
       *
       * @param {string|boolean} enableOrNameAndArgs - enable with custom name and/or arguments, or boolean to override whether added
       * @param {string} [description] - custom description
       * @return {Command} `this` command for chaining
       */
      helpCommand(enableOrNameAndArgs, description) {
        if (typeof enableOrNameAndArgs === "boolean") {
          this._addImplicitHelpCommand = enableOrNameAndArgs;
          if (enableOrNameAndArgs && this._defaultCommandGroup) {
            this._initCommandGroup(this._getHelpCommand());
          }
          return this;
        }
        const nameAndArgs = enableOrNameAndArgs ?? "help [command]";
        const [, helpName, helpArgs] = nameAndArgs.match(/([^ ]+) *(.*)/);
        const helpDescription = description ?? "display help for command";
        const helpCommand = this.createCommand(helpName);
        helpCommand.helpOption(false);
        if (helpArgs) helpCommand.arguments(helpArgs);
        if (helpDescription) helpCommand.description(helpDescription);
        this._addImplicitHelpCommand = true;
        this._helpCommand = helpCommand;
        if (enableOrNameAndArgs || description) this._initCommandGroup(helpCommand);
        return this;
      }
      /**
       * Add prepared custom help command.
       *
       * @param {(Command|string|boolean)} helpCommand - custom help command, or deprecated enableOrNameAndArgs as for `.helpCommand()`
       * @param {string} [deprecatedDescription] - deprecated custom description used with custom name only
       * @return {Command} `this` command for chaining
       */
      addHelpCommand(helpCommand, deprecatedDescription) {
        if (typeof helpCommand !== "object") {
          this.helpCommand(helpCommand, deprecatedDescription);
          return this;
        }
        this._addImplicitHelpCommand = true;
        this._helpCommand = helpCommand;
        this._initCommandGroup(helpCommand);
        return this;
      }
      /**
       * Lazy create help command.
       *
       * @return {(Command|null)}
       * @package
       */
      _getHelpCommand() {
        const hasImplicitHelpCommand = this._addImplicitHelpCommand ?? (this.commands.length && !this._actionHandler && !this._findCommand("help"));
        if (hasImplicitHelpCommand) {
          if (this._helpCommand === void 0) {
            this.helpCommand(void 0, void 0);
          }
          return this._helpCommand;
        }
        return null;
      }
      /**
       * Add hook for life cycle event.
       *
       * @param {string} event
       * @param {Function} listener
       * @return {Command} `this` command for chaining
       */
      hook(event, listener) {
        const allowedValues = ["preSubcommand", "preAction", "postAction"];
        if (!allowedValues.includes(event)) {
          throw new Error(`Unexpected value for event passed to hook : '${event}'.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        if (this._lifeCycleHooks[event]) {
          this._lifeCycleHooks[event].push(listener);
        } else {
          this._lifeCycleHooks[event] = [listener];
        }
        return this;
      }
      /**
       * Register callback to use as replacement for calling process.exit.
       *
       * @param {Function} [fn] optional callback which will be passed a CommanderError, defaults to throwing
       * @return {Command} `this` command for chaining
       */
      exitOverride(fn) {
        if (fn) {
          this._exitCallback = fn;
        } else {
          this._exitCallback = (err) => {
            if (err.code !== "commander.executeSubCommandAsync") {
              throw err;
            } else {
            }
          };
        }
        return this;
      }
      /**
       * Call process.exit, and _exitCallback if defined.
       *
       * @param {number} exitCode exit code for using with process.exit
       * @param {string} code an id string representing the error
       * @param {string} message human-readable description of the error
       * @return never
       * @private
       */
      _exit(exitCode, code, message2) {
        if (this._exitCallback) {
          this._exitCallback(new CommanderError2(exitCode, code, message2));
        }
        process3.exit(exitCode);
      }
      /**
       * Register callback `fn` for the command.
       *
       * @example
       * program
       *   .command('serve')
       *   .description('start service')
       *   .action(function() {
       *      // do work here
       *   });
       *
       * @param {Function} fn
       * @return {Command} `this` command for chaining
       */
      action(fn) {
        const listener = (args) => {
          const expectedArgsCount = this.registeredArguments.length;
          const actionArgs = args.slice(0, expectedArgsCount);
          if (this._storeOptionsAsProperties) {
            actionArgs[expectedArgsCount] = this;
          } else {
            actionArgs[expectedArgsCount] = this.opts();
          }
          actionArgs.push(this);
          return fn.apply(this, actionArgs);
        };
        this._actionHandler = listener;
        return this;
      }
      /**
       * Factory routine to create a new unattached option.
       *
       * See .option() for creating an attached option, which uses this routine to
       * create the option. You can override createOption to return a custom option.
       *
       * @param {string} flags
       * @param {string} [description]
       * @return {Option} new option
       */
      createOption(flags, description) {
        return new Option2(flags, description);
      }
      /**
       * Wrap parseArgs to catch 'commander.invalidArgument'.
       *
       * @param {(Option | Argument)} target
       * @param {string} value
       * @param {*} previous
       * @param {string} invalidArgumentMessage
       * @private
       */
      _callParseArg(target, value, previous, invalidArgumentMessage) {
        try {
          return target.parseArg(value, previous);
        } catch (err) {
          if (err.code === "commander.invalidArgument") {
            const message2 = `${invalidArgumentMessage} ${err.message}`;
            this.error(message2, { exitCode: err.exitCode, code: err.code });
          }
          throw err;
        }
      }
      /**
       * Check for option flag conflicts.
       * Register option if no conflicts found, or throw on conflict.
       *
       * @param {Option} option
       * @private
       */
      _registerOption(option) {
        const matchingOption = option.short && this._findOption(option.short) || option.long && this._findOption(option.long);
        if (matchingOption) {
          const matchingFlag = option.long && this._findOption(option.long) ? option.long : option.short;
          throw new Error(`Cannot add option '${option.flags}'${this._name && ` to command '${this._name}'`} due to conflicting flag '${matchingFlag}'
-  already used by option '${matchingOption.flags}'`);
        }
        this._initOptionGroup(option);
        this.options.push(option);
      }
      /**
       * Check for command name and alias conflicts with existing commands.
       * Register command if no conflicts found, or throw on conflict.
       *
       * @param {Command} command
       * @private
       */
      _registerCommand(command) {
        const knownBy = (cmd) => {
          return [cmd.name()].concat(cmd.aliases());
        };
        const alreadyUsed = knownBy(command).find(
          (name) => this._findCommand(name)
        );
        if (alreadyUsed) {
          const existingCmd = knownBy(this._findCommand(alreadyUsed)).join("|");
          const newCmd = knownBy(command).join("|");
          throw new Error(
            `cannot add command '${newCmd}' as already have command '${existingCmd}'`
          );
        }
        this._initCommandGroup(command);
        this.commands.push(command);
      }
      /**
       * Add an option.
       *
       * @param {Option} option
       * @return {Command} `this` command for chaining
       */
      addOption(option) {
        this._registerOption(option);
        const oname = option.name();
        const name = option.attributeName();
        if (option.negate) {
          const positiveLongFlag = option.long.replace(/^--no-/, "--");
          if (!this._findOption(positiveLongFlag)) {
            this.setOptionValueWithSource(
              name,
              option.defaultValue === void 0 ? true : option.defaultValue,
              "default"
            );
          }
        } else if (option.defaultValue !== void 0) {
          this.setOptionValueWithSource(name, option.defaultValue, "default");
        }
        const handleOptionValue = (val, invalidValueMessage, valueSource) => {
          if (val == null && option.presetArg !== void 0) {
            val = option.presetArg;
          }
          const oldValue = this.getOptionValue(name);
          if (val !== null && option.parseArg) {
            val = this._callParseArg(option, val, oldValue, invalidValueMessage);
          } else if (val !== null && option.variadic) {
            val = option._collectValue(val, oldValue);
          }
          if (val == null) {
            if (option.negate) {
              val = false;
            } else if (option.isBoolean() || option.optional) {
              val = true;
            } else {
              val = "";
            }
          }
          this.setOptionValueWithSource(name, val, valueSource);
        };
        this.on("option:" + oname, (val) => {
          const invalidValueMessage = `error: option '${option.flags}' argument '${val}' is invalid.`;
          handleOptionValue(val, invalidValueMessage, "cli");
        });
        if (option.envVar) {
          this.on("optionEnv:" + oname, (val) => {
            const invalidValueMessage = `error: option '${option.flags}' value '${val}' from env '${option.envVar}' is invalid.`;
            handleOptionValue(val, invalidValueMessage, "env");
          });
        }
        return this;
      }
      /**
       * Internal implementation shared by .option() and .requiredOption()
       *
       * @return {Command} `this` command for chaining
       * @private
       */
      _optionEx(config, flags, description, fn, defaultValue) {
        if (typeof flags === "object" && flags instanceof Option2) {
          throw new Error(
            "To add an Option object use addOption() instead of option() or requiredOption()"
          );
        }
        const option = this.createOption(flags, description);
        option.makeOptionMandatory(!!config.mandatory);
        if (typeof fn === "function") {
          option.default(defaultValue).argParser(fn);
        } else if (fn instanceof RegExp) {
          const regex = fn;
          fn = (val, def) => {
            const m = regex.exec(val);
            return m ? m[0] : def;
          };
          option.default(defaultValue).argParser(fn);
        } else {
          option.default(fn);
        }
        return this.addOption(option);
      }
      /**
       * Define option with `flags`, `description`, and optional argument parsing function or `defaultValue` or both.
       *
       * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space. A required
       * option-argument is indicated by `<>` and an optional option-argument by `[]`.
       *
       * See the README for more details, and see also addOption() and requiredOption().
       *
       * @example
       * program
       *     .option('-p, --pepper', 'add pepper')
       *     .option('--pt, --pizza-type <TYPE>', 'type of pizza') // required option-argument
       *     .option('-c, --cheese [CHEESE]', 'add extra cheese', 'mozzarella') // optional option-argument with default
       *     .option('-t, --tip <VALUE>', 'add tip to purchase cost', parseFloat) // custom parse function
       *
       * @param {string} flags
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom option processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      option(flags, description, parseArg, defaultValue) {
        return this._optionEx({}, flags, description, parseArg, defaultValue);
      }
      /**
       * Add a required option which must have a value after parsing. This usually means
       * the option must be specified on the command line. (Otherwise the same as .option().)
       *
       * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space.
       *
       * @param {string} flags
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom option processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      requiredOption(flags, description, parseArg, defaultValue) {
        return this._optionEx(
          { mandatory: true },
          flags,
          description,
          parseArg,
          defaultValue
        );
      }
      /**
       * Alter parsing of short flags with optional values.
       *
       * @example
       * // for `.option('-f,--flag [value]'):
       * program.combineFlagAndOptionalValue(true);  // `-f80` is treated like `--flag=80`, this is the default behaviour
       * program.combineFlagAndOptionalValue(false) // `-fb` is treated like `-f -b`
       *
       * @param {boolean} [combine] - if `true` or omitted, an optional value can be specified directly after the flag.
       * @return {Command} `this` command for chaining
       */
      combineFlagAndOptionalValue(combine = true) {
        this._combineFlagAndOptionalValue = !!combine;
        return this;
      }
      /**
       * Allow unknown options on the command line.
       *
       * @param {boolean} [allowUnknown] - if `true` or omitted, no error will be thrown for unknown options.
       * @return {Command} `this` command for chaining
       */
      allowUnknownOption(allowUnknown = true) {
        this._allowUnknownOption = !!allowUnknown;
        return this;
      }
      /**
       * Allow excess command-arguments on the command line. Pass false to make excess arguments an error.
       *
       * @param {boolean} [allowExcess] - if `true` or omitted, no error will be thrown for excess arguments.
       * @return {Command} `this` command for chaining
       */
      allowExcessArguments(allowExcess = true) {
        this._allowExcessArguments = !!allowExcess;
        return this;
      }
      /**
       * Enable positional options. Positional means global options are specified before subcommands which lets
       * subcommands reuse the same option names, and also enables subcommands to turn on passThroughOptions.
       * The default behaviour is non-positional and global options may appear anywhere on the command line.
       *
       * @param {boolean} [positional]
       * @return {Command} `this` command for chaining
       */
      enablePositionalOptions(positional = true) {
        this._enablePositionalOptions = !!positional;
        return this;
      }
      /**
       * Pass through options that come after command-arguments rather than treat them as command-options,
       * so actual command-options come before command-arguments. Turning this on for a subcommand requires
       * positional options to have been enabled on the program (parent commands).
       * The default behaviour is non-positional and options may appear before or after command-arguments.
       *
       * @param {boolean} [passThrough] for unknown options.
       * @return {Command} `this` command for chaining
       */
      passThroughOptions(passThrough = true) {
        this._passThroughOptions = !!passThrough;
        this._checkForBrokenPassThrough();
        return this;
      }
      /**
       * @private
       */
      _checkForBrokenPassThrough() {
        if (this.parent && this._passThroughOptions && !this.parent._enablePositionalOptions) {
          throw new Error(
            `passThroughOptions cannot be used for '${this._name}' without turning on enablePositionalOptions for parent command(s)`
          );
        }
      }
      /**
       * Whether to store option values as properties on command object,
       * or store separately (specify false). In both cases the option values can be accessed using .opts().
       *
       * @param {boolean} [storeAsProperties=true]
       * @return {Command} `this` command for chaining
       */
      storeOptionsAsProperties(storeAsProperties = true) {
        if (this.options.length) {
          throw new Error("call .storeOptionsAsProperties() before adding options");
        }
        if (Object.keys(this._optionValues).length) {
          throw new Error(
            "call .storeOptionsAsProperties() before setting option values"
          );
        }
        this._storeOptionsAsProperties = !!storeAsProperties;
        return this;
      }
      /**
       * Retrieve option value.
       *
       * @param {string} key
       * @return {object} value
       */
      getOptionValue(key) {
        if (this._storeOptionsAsProperties) {
          return this[key];
        }
        return this._optionValues[key];
      }
      /**
       * Store option value.
       *
       * @param {string} key
       * @param {object} value
       * @return {Command} `this` command for chaining
       */
      setOptionValue(key, value) {
        return this.setOptionValueWithSource(key, value, void 0);
      }
      /**
       * Store option value and where the value came from.
       *
       * @param {string} key
       * @param {object} value
       * @param {string} source - expected values are default/config/env/cli/implied
       * @return {Command} `this` command for chaining
       */
      setOptionValueWithSource(key, value, source) {
        if (this._storeOptionsAsProperties) {
          this[key] = value;
        } else {
          this._optionValues[key] = value;
        }
        this._optionValueSources[key] = source;
        return this;
      }
      /**
       * Get source of option value.
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSource(key) {
        return this._optionValueSources[key];
      }
      /**
       * Get source of option value. See also .optsWithGlobals().
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSourceWithGlobals(key) {
        let source;
        this._getCommandAndAncestors().forEach((cmd) => {
          if (cmd.getOptionValueSource(key) !== void 0) {
            source = cmd.getOptionValueSource(key);
          }
        });
        return source;
      }
      /**
       * Get user arguments from implied or explicit arguments.
       * Side-effects: set _scriptPath if args included script. Used for default program name, and subcommand searches.
       *
       * @private
       */
      _prepareUserArgs(argv, parseOptions) {
        if (argv !== void 0 && !Array.isArray(argv)) {
          throw new Error("first parameter to parse must be array or undefined");
        }
        parseOptions = parseOptions || {};
        if (argv === void 0 && parseOptions.from === void 0) {
          if (process3.versions?.electron) {
            parseOptions.from = "electron";
          }
          const execArgv = process3.execArgv ?? [];
          if (execArgv.includes("-e") || execArgv.includes("--eval") || execArgv.includes("-p") || execArgv.includes("--print")) {
            parseOptions.from = "eval";
          }
        }
        if (argv === void 0) {
          argv = process3.argv;
        }
        this.rawArgs = argv.slice();
        let userArgs;
        switch (parseOptions.from) {
          case void 0:
          case "node":
            this._scriptPath = argv[1];
            userArgs = argv.slice(2);
            break;
          case "electron":
            if (process3.defaultApp) {
              this._scriptPath = argv[1];
              userArgs = argv.slice(2);
            } else {
              userArgs = argv.slice(1);
            }
            break;
          case "user":
            userArgs = argv.slice(0);
            break;
          case "eval":
            userArgs = argv.slice(1);
            break;
          default:
            throw new Error(
              `unexpected parse option { from: '${parseOptions.from}' }`
            );
        }
        if (!this._name && this._scriptPath)
          this.nameFromFilename(this._scriptPath);
        this._name = this._name || "program";
        return userArgs;
      }
      /**
       * Parse `argv`, setting options and invoking commands when defined.
       *
       * Use parseAsync instead of parse if any of your action handlers are async.
       *
       * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
       *
       * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
       * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
       * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
       * - `'user'`: just user arguments
       *
       * @example
       * program.parse(); // parse process.argv and auto-detect electron and special node flags
       * program.parse(process.argv); // assume argv[0] is app and argv[1] is script
       * program.parse(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
       *
       * @param {string[]} [argv] - optional, defaults to process.argv
       * @param {object} [parseOptions] - optionally specify style of options with from: node/user/electron
       * @param {string} [parseOptions.from] - where the args are from: 'node', 'user', 'electron'
       * @return {Command} `this` command for chaining
       */
      parse(argv, parseOptions) {
        this._prepareForParse();
        const userArgs = this._prepareUserArgs(argv, parseOptions);
        this._parseCommand([], userArgs);
        return this;
      }
      /**
       * Parse `argv`, setting options and invoking commands when defined.
       *
       * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
       *
       * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
       * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
       * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
       * - `'user'`: just user arguments
       *
       * @example
       * await program.parseAsync(); // parse process.argv and auto-detect electron and special node flags
       * await program.parseAsync(process.argv); // assume argv[0] is app and argv[1] is script
       * await program.parseAsync(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
       *
       * @param {string[]} [argv]
       * @param {object} [parseOptions]
       * @param {string} parseOptions.from - where the args are from: 'node', 'user', 'electron'
       * @return {Promise}
       */
      async parseAsync(argv, parseOptions) {
        this._prepareForParse();
        const userArgs = this._prepareUserArgs(argv, parseOptions);
        await this._parseCommand([], userArgs);
        return this;
      }
      _prepareForParse() {
        if (this._savedState === null) {
          this.saveStateBeforeParse();
        } else {
          this.restoreStateBeforeParse();
        }
      }
      /**
       * Called the first time parse is called to save state and allow a restore before subsequent calls to parse.
       * Not usually called directly, but available for subclasses to save their custom state.
       *
       * This is called in a lazy way. Only commands used in parsing chain will have state saved.
       */
      saveStateBeforeParse() {
        this._savedState = {
          // name is stable if supplied by author, but may be unspecified for root command and deduced during parsing
          _name: this._name,
          // option values before parse have default values (including false for negated options)
          // shallow clones
          _optionValues: { ...this._optionValues },
          _optionValueSources: { ...this._optionValueSources }
        };
      }
      /**
       * Restore state before parse for calls after the first.
       * Not usually called directly, but available for subclasses to save their custom state.
       *
       * This is called in a lazy way. Only commands used in parsing chain will have state restored.
       */
      restoreStateBeforeParse() {
        if (this._storeOptionsAsProperties)
          throw new Error(`Can not call parse again when storeOptionsAsProperties is true.
- either make a new Command for each call to parse, or stop storing options as properties`);
        this._name = this._savedState._name;
        this._scriptPath = null;
        this.rawArgs = [];
        this._optionValues = { ...this._savedState._optionValues };
        this._optionValueSources = { ...this._savedState._optionValueSources };
        this.args = [];
        this.processedArgs = [];
      }
      /**
       * Throw if expected executable is missing. Add lots of help for author.
       *
       * @param {string} executableFile
       * @param {string} executableDir
       * @param {string} subcommandName
       */
      _checkForMissingExecutable(executableFile, executableDir, subcommandName) {
        if (fs.existsSync(executableFile)) return;
        const executableDirMessage = executableDir ? `searched for local subcommand relative to directory '${executableDir}'` : "no directory for search for local subcommand, use .executableDir() to supply a custom directory";
        const executableMissing = `'${executableFile}' does not exist
 - if '${subcommandName}' is not meant to be an executable command, remove description parameter from '.command()' and use '.description()' instead
 - if the default executable name is not suitable, use the executableFile option to supply a custom name or path
 - ${executableDirMessage}`;
        throw new Error(executableMissing);
      }
      /**
       * Execute a sub-command executable.
       *
       * @private
       */
      _executeSubCommand(subcommand, args) {
        args = args.slice();
        let launchWithNode = false;
        const sourceExt = [".js", ".ts", ".tsx", ".mjs", ".cjs"];
        function findFile(baseDir, baseName) {
          const localBin = path.resolve(baseDir, baseName);
          if (fs.existsSync(localBin)) return localBin;
          if (sourceExt.includes(path.extname(baseName))) return void 0;
          const foundExt = sourceExt.find(
            (ext) => fs.existsSync(`${localBin}${ext}`)
          );
          if (foundExt) return `${localBin}${foundExt}`;
          return void 0;
        }
        this._checkForMissingMandatoryOptions();
        this._checkForConflictingOptions();
        let executableFile = subcommand._executableFile || `${this._name}-${subcommand._name}`;
        let executableDir = this._executableDir || "";
        if (this._scriptPath) {
          let resolvedScriptPath;
          try {
            resolvedScriptPath = fs.realpathSync(this._scriptPath);
          } catch {
            resolvedScriptPath = this._scriptPath;
          }
          executableDir = path.resolve(
            path.dirname(resolvedScriptPath),
            executableDir
          );
        }
        if (executableDir) {
          let localFile = findFile(executableDir, executableFile);
          if (!localFile && !subcommand._executableFile && this._scriptPath) {
            const legacyName = path.basename(
              this._scriptPath,
              path.extname(this._scriptPath)
            );
            if (legacyName !== this._name) {
              localFile = findFile(
                executableDir,
                `${legacyName}-${subcommand._name}`
              );
            }
          }
          executableFile = localFile || executableFile;
        }
        launchWithNode = sourceExt.includes(path.extname(executableFile));
        let proc;
        if (process3.platform !== "win32") {
          if (launchWithNode) {
            args.unshift(executableFile);
            args = incrementNodeInspectorPort(process3.execArgv).concat(args);
            proc = childProcess.spawn(process3.argv[0], args, { stdio: "inherit" });
          } else {
            proc = childProcess.spawn(executableFile, args, { stdio: "inherit" });
          }
        } else {
          this._checkForMissingExecutable(
            executableFile,
            executableDir,
            subcommand._name
          );
          args.unshift(executableFile);
          args = incrementNodeInspectorPort(process3.execArgv).concat(args);
          proc = childProcess.spawn(process3.execPath, args, { stdio: "inherit" });
        }
        if (!proc.killed) {
          const signals = ["SIGUSR1", "SIGUSR2", "SIGTERM", "SIGINT", "SIGHUP"];
          signals.forEach((signal) => {
            process3.on(signal, () => {
              if (proc.killed === false && proc.exitCode === null) {
                proc.kill(signal);
              }
            });
          });
        }
        const exitCallback = this._exitCallback;
        proc.on("close", (code) => {
          code = code ?? 1;
          if (!exitCallback) {
            process3.exit(code);
          } else {
            exitCallback(
              new CommanderError2(
                code,
                "commander.executeSubCommandAsync",
                "(close)"
              )
            );
          }
        });
        proc.on("error", (err) => {
          if (err.code === "ENOENT") {
            this._checkForMissingExecutable(
              executableFile,
              executableDir,
              subcommand._name
            );
          } else if (err.code === "EACCES") {
            throw new Error(`'${executableFile}' not executable`);
          }
          if (!exitCallback) {
            process3.exit(1);
          } else {
            const wrappedError = new CommanderError2(
              1,
              "commander.executeSubCommandAsync",
              "(error)"
            );
            wrappedError.nestedError = err;
            exitCallback(wrappedError);
          }
        });
        this.runningCommand = proc;
      }
      /**
       * @private
       */
      _dispatchSubcommand(commandName, operands, unknown) {
        const subCommand = this._findCommand(commandName);
        if (!subCommand) this.help({ error: true });
        subCommand._prepareForParse();
        let promiseChain;
        promiseChain = this._chainOrCallSubCommandHook(
          promiseChain,
          subCommand,
          "preSubcommand"
        );
        promiseChain = this._chainOrCall(promiseChain, () => {
          if (subCommand._executableHandler) {
            this._executeSubCommand(subCommand, operands.concat(unknown));
          } else {
            return subCommand._parseCommand(operands, unknown);
          }
        });
        return promiseChain;
      }
      /**
       * Invoke help directly if possible, or dispatch if necessary.
       * e.g. help foo
       *
       * @private
       */
      _dispatchHelpCommand(subcommandName) {
        if (!subcommandName) {
          this.help();
        }
        const subCommand = this._findCommand(subcommandName);
        if (subCommand && !subCommand._executableHandler) {
          subCommand.help();
        }
        return this._dispatchSubcommand(
          subcommandName,
          [],
          [this._getHelpOption()?.long ?? this._getHelpOption()?.short ?? "--help"]
        );
      }
      /**
       * Check this.args against expected this.registeredArguments.
       *
       * @private
       */
      _checkNumberOfArguments() {
        this.registeredArguments.forEach((arg, i) => {
          if (arg.required && this.args[i] == null) {
            this.missingArgument(arg.name());
          }
        });
        if (this.registeredArguments.length > 0 && this.registeredArguments[this.registeredArguments.length - 1].variadic) {
          return;
        }
        if (this.args.length > this.registeredArguments.length) {
          this._excessArguments(this.args);
        }
      }
      /**
       * Process this.args using this.registeredArguments and save as this.processedArgs!
       *
       * @private
       */
      _processArguments() {
        const myParseArg = (argument, value, previous) => {
          let parsedValue = value;
          if (value !== null && argument.parseArg) {
            const invalidValueMessage = `error: command-argument value '${value}' is invalid for argument '${argument.name()}'.`;
            parsedValue = this._callParseArg(
              argument,
              value,
              previous,
              invalidValueMessage
            );
          }
          return parsedValue;
        };
        this._checkNumberOfArguments();
        const processedArgs = [];
        this.registeredArguments.forEach((declaredArg, index) => {
          let value = declaredArg.defaultValue;
          if (declaredArg.variadic) {
            if (index < this.args.length) {
              value = this.args.slice(index);
              if (declaredArg.parseArg) {
                value = value.reduce((processed, v) => {
                  return myParseArg(declaredArg, v, processed);
                }, declaredArg.defaultValue);
              }
            } else if (value === void 0) {
              value = [];
            }
          } else if (index < this.args.length) {
            value = this.args[index];
            if (declaredArg.parseArg) {
              value = myParseArg(declaredArg, value, declaredArg.defaultValue);
            }
          }
          processedArgs[index] = value;
        });
        this.processedArgs = processedArgs;
      }
      /**
       * Once we have a promise we chain, but call synchronously until then.
       *
       * @param {(Promise|undefined)} promise
       * @param {Function} fn
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCall(promise, fn) {
        if (promise?.then && typeof promise.then === "function") {
          return promise.then(() => fn());
        }
        return fn();
      }
      /**
       *
       * @param {(Promise|undefined)} promise
       * @param {string} event
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCallHooks(promise, event) {
        let result = promise;
        const hooks = [];
        this._getCommandAndAncestors().reverse().filter((cmd) => cmd._lifeCycleHooks[event] !== void 0).forEach((hookedCommand) => {
          hookedCommand._lifeCycleHooks[event].forEach((callback) => {
            hooks.push({ hookedCommand, callback });
          });
        });
        if (event === "postAction") {
          hooks.reverse();
        }
        hooks.forEach((hookDetail) => {
          result = this._chainOrCall(result, () => {
            return hookDetail.callback(hookDetail.hookedCommand, this);
          });
        });
        return result;
      }
      /**
       *
       * @param {(Promise|undefined)} promise
       * @param {Command} subCommand
       * @param {string} event
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCallSubCommandHook(promise, subCommand, event) {
        let result = promise;
        if (this._lifeCycleHooks[event] !== void 0) {
          this._lifeCycleHooks[event].forEach((hook) => {
            result = this._chainOrCall(result, () => {
              return hook(this, subCommand);
            });
          });
        }
        return result;
      }
      /**
       * Process arguments in context of this command.
       * Returns action result, in case it is a promise.
       *
       * @private
       */
      _parseCommand(operands, unknown) {
        const parsed = this.parseOptions(unknown);
        this._parseOptionsEnv();
        this._parseOptionsImplied();
        operands = operands.concat(parsed.operands);
        unknown = parsed.unknown;
        this.args = operands.concat(unknown);
        if (operands && this._findCommand(operands[0])) {
          return this._dispatchSubcommand(operands[0], operands.slice(1), unknown);
        }
        if (this._getHelpCommand() && operands[0] === this._getHelpCommand().name()) {
          return this._dispatchHelpCommand(operands[1]);
        }
        if (this._defaultCommandName) {
          this._outputHelpIfRequested(unknown);
          return this._dispatchSubcommand(
            this._defaultCommandName,
            operands,
            unknown
          );
        }
        if (this.commands.length && this.args.length === 0 && !this._actionHandler && !this._defaultCommandName) {
          this.help({ error: true });
        }
        this._outputHelpIfRequested(parsed.unknown);
        this._checkForMissingMandatoryOptions();
        this._checkForConflictingOptions();
        const checkForUnknownOptions = () => {
          if (parsed.unknown.length > 0) {
            this.unknownOption(parsed.unknown[0]);
          }
        };
        const commandEvent = `command:${this.name()}`;
        if (this._actionHandler) {
          checkForUnknownOptions();
          this._processArguments();
          let promiseChain;
          promiseChain = this._chainOrCallHooks(promiseChain, "preAction");
          promiseChain = this._chainOrCall(
            promiseChain,
            () => this._actionHandler(this.processedArgs)
          );
          if (this.parent) {
            promiseChain = this._chainOrCall(promiseChain, () => {
              this.parent.emit(commandEvent, operands, unknown);
            });
          }
          promiseChain = this._chainOrCallHooks(promiseChain, "postAction");
          return promiseChain;
        }
        if (this.parent?.listenerCount(commandEvent)) {
          checkForUnknownOptions();
          this._processArguments();
          this.parent.emit(commandEvent, operands, unknown);
        } else if (operands.length) {
          if (this._findCommand("*")) {
            return this._dispatchSubcommand("*", operands, unknown);
          }
          if (this.listenerCount("command:*")) {
            this.emit("command:*", operands, unknown);
          } else if (this.commands.length) {
            this.unknownCommand();
          } else {
            checkForUnknownOptions();
            this._processArguments();
          }
        } else if (this.commands.length) {
          checkForUnknownOptions();
          this.help({ error: true });
        } else {
          checkForUnknownOptions();
          this._processArguments();
        }
      }
      /**
       * Find matching command.
       *
       * @private
       * @return {Command | undefined}
       */
      _findCommand(name) {
        if (!name) return void 0;
        return this.commands.find(
          (cmd) => cmd._name === name || cmd._aliases.includes(name)
        );
      }
      /**
       * Return an option matching `arg` if any.
       *
       * @param {string} arg
       * @return {Option}
       * @package
       */
      _findOption(arg) {
        return this.options.find((option) => option.is(arg));
      }
      /**
       * Display an error message if a mandatory option does not have a value.
       * Called after checking for help flags in leaf subcommand.
       *
       * @private
       */
      _checkForMissingMandatoryOptions() {
        this._getCommandAndAncestors().forEach((cmd) => {
          cmd.options.forEach((anOption) => {
            if (anOption.mandatory && cmd.getOptionValue(anOption.attributeName()) === void 0) {
              cmd.missingMandatoryOptionValue(anOption);
            }
          });
        });
      }
      /**
       * Display an error message if conflicting options are used together in this.
       *
       * @private
       */
      _checkForConflictingLocalOptions() {
        const definedNonDefaultOptions = this.options.filter((option) => {
          const optionKey = option.attributeName();
          if (this.getOptionValue(optionKey) === void 0) {
            return false;
          }
          return this.getOptionValueSource(optionKey) !== "default";
        });
        const optionsWithConflicting = definedNonDefaultOptions.filter(
          (option) => option.conflictsWith.length > 0
        );
        optionsWithConflicting.forEach((option) => {
          const conflictingAndDefined = definedNonDefaultOptions.find(
            (defined) => option.conflictsWith.includes(defined.attributeName())
          );
          if (conflictingAndDefined) {
            this._conflictingOption(option, conflictingAndDefined);
          }
        });
      }
      /**
       * Display an error message if conflicting options are used together.
       * Called after checking for help flags in leaf subcommand.
       *
       * @private
       */
      _checkForConflictingOptions() {
        this._getCommandAndAncestors().forEach((cmd) => {
          cmd._checkForConflictingLocalOptions();
        });
      }
      /**
       * Parse options from `argv` removing known options,
       * and return argv split into operands and unknown arguments.
       *
       * Side effects: modifies command by storing options. Does not reset state if called again.
       *
       * Examples:
       *
       *     argv => operands, unknown
       *     --known kkk op => [op], []
       *     op --known kkk => [op], []
       *     sub --unknown uuu op => [sub], [--unknown uuu op]
       *     sub -- --unknown uuu op => [sub --unknown uuu op], []
       *
       * @param {string[]} args
       * @return {{operands: string[], unknown: string[]}}
       */
      parseOptions(args) {
        const operands = [];
        const unknown = [];
        let dest = operands;
        function maybeOption(arg) {
          return arg.length > 1 && arg[0] === "-";
        }
        const negativeNumberArg = (arg) => {
          if (!/^-(\d+|\d*\.\d+)(e[+-]?\d+)?$/.test(arg)) return false;
          return !this._getCommandAndAncestors().some(
            (cmd) => cmd.options.map((opt) => opt.short).some((short) => /^-\d$/.test(short))
          );
        };
        let activeVariadicOption = null;
        let activeGroup = null;
        let i = 0;
        while (i < args.length || activeGroup) {
          const arg = activeGroup ?? args[i++];
          activeGroup = null;
          if (arg === "--") {
            if (dest === unknown) dest.push(arg);
            dest.push(...args.slice(i));
            break;
          }
          if (activeVariadicOption && (!maybeOption(arg) || negativeNumberArg(arg))) {
            this.emit(`option:${activeVariadicOption.name()}`, arg);
            continue;
          }
          activeVariadicOption = null;
          if (maybeOption(arg)) {
            const option = this._findOption(arg);
            if (option) {
              if (option.required) {
                const value = args[i++];
                if (value === void 0) this.optionMissingArgument(option);
                this.emit(`option:${option.name()}`, value);
              } else if (option.optional) {
                let value = null;
                if (i < args.length && (!maybeOption(args[i]) || negativeNumberArg(args[i]))) {
                  value = args[i++];
                }
                this.emit(`option:${option.name()}`, value);
              } else {
                this.emit(`option:${option.name()}`);
              }
              activeVariadicOption = option.variadic ? option : null;
              continue;
            }
          }
          if (arg.length > 2 && arg[0] === "-" && arg[1] !== "-") {
            const option = this._findOption(`-${arg[1]}`);
            if (option) {
              if (option.required || option.optional && this._combineFlagAndOptionalValue) {
                this.emit(`option:${option.name()}`, arg.slice(2));
              } else {
                this.emit(`option:${option.name()}`);
                activeGroup = `-${arg.slice(2)}`;
              }
              continue;
            }
          }
          if (/^--[^=]+=/.test(arg)) {
            const index = arg.indexOf("=");
            const option = this._findOption(arg.slice(0, index));
            if (option && (option.required || option.optional)) {
              this.emit(`option:${option.name()}`, arg.slice(index + 1));
              continue;
            }
          }
          if (dest === operands && maybeOption(arg) && !(this.commands.length === 0 && negativeNumberArg(arg))) {
            dest = unknown;
          }
          if ((this._enablePositionalOptions || this._passThroughOptions) && operands.length === 0 && unknown.length === 0) {
            if (this._findCommand(arg)) {
              operands.push(arg);
              unknown.push(...args.slice(i));
              break;
            } else if (this._getHelpCommand() && arg === this._getHelpCommand().name()) {
              operands.push(arg, ...args.slice(i));
              break;
            } else if (this._defaultCommandName) {
              unknown.push(arg, ...args.slice(i));
              break;
            }
          }
          if (this._passThroughOptions) {
            dest.push(arg, ...args.slice(i));
            break;
          }
          dest.push(arg);
        }
        return { operands, unknown };
      }
      /**
       * Return an object containing local option values as key-value pairs.
       *
       * @return {object}
       */
      opts() {
        if (this._storeOptionsAsProperties) {
          const result = {};
          const len = this.options.length;
          for (let i = 0; i < len; i++) {
            const key = this.options[i].attributeName();
            result[key] = key === this._versionOptionName ? this._version : this[key];
          }
          return result;
        }
        return this._optionValues;
      }
      /**
       * Return an object containing merged local and global option values as key-value pairs.
       *
       * @return {object}
       */
      optsWithGlobals() {
        return this._getCommandAndAncestors().reduce(
          (combinedOptions, cmd) => Object.assign(combinedOptions, cmd.opts()),
          {}
        );
      }
      /**
       * Display error message and exit (or call exitOverride).
       *
       * @param {string} message
       * @param {object} [errorOptions]
       * @param {string} [errorOptions.code] - an id string representing the error
       * @param {number} [errorOptions.exitCode] - used with process.exit
       */
      error(message2, errorOptions) {
        this._outputConfiguration.outputError(
          `${message2}
`,
          this._outputConfiguration.writeErr
        );
        if (typeof this._showHelpAfterError === "string") {
          this._outputConfiguration.writeErr(`${this._showHelpAfterError}
`);
        } else if (this._showHelpAfterError) {
          this._outputConfiguration.writeErr("\n");
          this.outputHelp({ error: true });
        }
        const config = errorOptions || {};
        const exitCode = config.exitCode || 1;
        const code = config.code || "commander.error";
        this._exit(exitCode, code, message2);
      }
      /**
       * Apply any option related environment variables, if option does
       * not have a value from cli or client code.
       *
       * @private
       */
      _parseOptionsEnv() {
        this.options.forEach((option) => {
          if (option.envVar && option.envVar in process3.env) {
            const optionKey = option.attributeName();
            if (this.getOptionValue(optionKey) === void 0 || ["default", "config", "env"].includes(
              this.getOptionValueSource(optionKey)
            )) {
              if (option.required || option.optional) {
                this.emit(`optionEnv:${option.name()}`, process3.env[option.envVar]);
              } else {
                this.emit(`optionEnv:${option.name()}`);
              }
            }
          }
        });
      }
      /**
       * Apply any implied option values, if option is undefined or default value.
       *
       * @private
       */
      _parseOptionsImplied() {
        const dualHelper = new DualOptions(this.options);
        const hasCustomOptionValue = (optionKey) => {
          return this.getOptionValue(optionKey) !== void 0 && !["default", "implied"].includes(this.getOptionValueSource(optionKey));
        };
        this.options.filter(
          (option) => option.implied !== void 0 && hasCustomOptionValue(option.attributeName()) && dualHelper.valueFromOption(
            this.getOptionValue(option.attributeName()),
            option
          )
        ).forEach((option) => {
          Object.keys(option.implied).filter((impliedKey) => !hasCustomOptionValue(impliedKey)).forEach((impliedKey) => {
            this.setOptionValueWithSource(
              impliedKey,
              option.implied[impliedKey],
              "implied"
            );
          });
        });
      }
      /**
       * Argument `name` is missing.
       *
       * @param {string} name
       * @private
       */
      missingArgument(name) {
        const message2 = `error: missing required argument '${name}'`;
        this.error(message2, { code: "commander.missingArgument" });
      }
      /**
       * `Option` is missing an argument.
       *
       * @param {Option} option
       * @private
       */
      optionMissingArgument(option) {
        const message2 = `error: option '${option.flags}' argument missing`;
        this.error(message2, { code: "commander.optionMissingArgument" });
      }
      /**
       * `Option` does not have a value, and is a mandatory option.
       *
       * @param {Option} option
       * @private
       */
      missingMandatoryOptionValue(option) {
        const message2 = `error: required option '${option.flags}' not specified`;
        this.error(message2, { code: "commander.missingMandatoryOptionValue" });
      }
      /**
       * `Option` conflicts with another option.
       *
       * @param {Option} option
       * @param {Option} conflictingOption
       * @private
       */
      _conflictingOption(option, conflictingOption) {
        const findBestOptionFromValue = (option2) => {
          const optionKey = option2.attributeName();
          const optionValue = this.getOptionValue(optionKey);
          const negativeOption = this.options.find(
            (target) => target.negate && optionKey === target.attributeName()
          );
          const positiveOption = this.options.find(
            (target) => !target.negate && optionKey === target.attributeName()
          );
          if (negativeOption && (negativeOption.presetArg === void 0 && optionValue === false || negativeOption.presetArg !== void 0 && optionValue === negativeOption.presetArg)) {
            return negativeOption;
          }
          return positiveOption || option2;
        };
        const getErrorMessage = (option2) => {
          const bestOption = findBestOptionFromValue(option2);
          const optionKey = bestOption.attributeName();
          const source = this.getOptionValueSource(optionKey);
          if (source === "env") {
            return `environment variable '${bestOption.envVar}'`;
          }
          return `option '${bestOption.flags}'`;
        };
        const message2 = `error: ${getErrorMessage(option)} cannot be used with ${getErrorMessage(conflictingOption)}`;
        this.error(message2, { code: "commander.conflictingOption" });
      }
      /**
       * Unknown option `flag`.
       *
       * @param {string} flag
       * @private
       */
      unknownOption(flag) {
        if (this._allowUnknownOption) return;
        let suggestion = "";
        if (flag.startsWith("--") && this._showSuggestionAfterError) {
          let candidateFlags = [];
          let command = this;
          do {
            const moreFlags = command.createHelp().visibleOptions(command).filter((option) => option.long).map((option) => option.long);
            candidateFlags = candidateFlags.concat(moreFlags);
            command = command.parent;
          } while (command && !command._enablePositionalOptions);
          suggestion = suggestSimilar(flag, candidateFlags);
        }
        const message2 = `error: unknown option '${flag}'${suggestion}`;
        this.error(message2, { code: "commander.unknownOption" });
      }
      /**
       * Excess arguments, more than expected.
       *
       * @param {string[]} receivedArgs
       * @private
       */
      _excessArguments(receivedArgs) {
        if (this._allowExcessArguments) return;
        const expected2 = this.registeredArguments.length;
        const s = expected2 === 1 ? "" : "s";
        const forSubcommand = this.parent ? ` for '${this.name()}'` : "";
        const message2 = `error: too many arguments${forSubcommand}. Expected ${expected2} argument${s} but got ${receivedArgs.length}.`;
        this.error(message2, { code: "commander.excessArguments" });
      }
      /**
       * Unknown command.
       *
       * @private
       */
      unknownCommand() {
        const unknownName = this.args[0];
        let suggestion = "";
        if (this._showSuggestionAfterError) {
          const candidateNames = [];
          this.createHelp().visibleCommands(this).forEach((command) => {
            candidateNames.push(command.name());
            if (command.alias()) candidateNames.push(command.alias());
          });
          suggestion = suggestSimilar(unknownName, candidateNames);
        }
        const message2 = `error: unknown command '${unknownName}'${suggestion}`;
        this.error(message2, { code: "commander.unknownCommand" });
      }
      /**
       * Get or set the program version.
       *
       * This method auto-registers the "-V, --version" option which will print the version number.
       *
       * You can optionally supply the flags and description to override the defaults.
       *
       * @param {string} [str]
       * @param {string} [flags]
       * @param {string} [description]
       * @return {(this | string | undefined)} `this` command for chaining, or version string if no arguments
       */
      version(str, flags, description) {
        if (str === void 0) return this._version;
        this._version = str;
        flags = flags || "-V, --version";
        description = description || "output the version number";
        const versionOption = this.createOption(flags, description);
        this._versionOptionName = versionOption.attributeName();
        this._registerOption(versionOption);
        this.on("option:" + versionOption.name(), () => {
          this._outputConfiguration.writeOut(`${str}
`);
          this._exit(0, "commander.version", str);
        });
        return this;
      }
      /**
       * Set the description.
       *
       * @param {string} [str]
       * @param {object} [argsDescription]
       * @return {(string|Command)}
       */
      description(str, argsDescription) {
        if (str === void 0 && argsDescription === void 0)
          return this._description;
        this._description = str;
        if (argsDescription) {
          this._argsDescription = argsDescription;
        }
        return this;
      }
      /**
       * Set the summary. Used when listed as subcommand of parent.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      summary(str) {
        if (str === void 0) return this._summary;
        this._summary = str;
        return this;
      }
      /**
       * Set an alias for the command.
       *
       * You may call more than once to add multiple aliases. Only the first alias is shown in the auto-generated help.
       *
       * @param {string} [alias]
       * @return {(string|Command)}
       */
      alias(alias) {
        if (alias === void 0) return this._aliases[0];
        let command = this;
        if (this.commands.length !== 0 && this.commands[this.commands.length - 1]._executableHandler) {
          command = this.commands[this.commands.length - 1];
        }
        if (alias === command._name)
          throw new Error("Command alias can't be the same as its name");
        const matchingCommand = this.parent?._findCommand(alias);
        if (matchingCommand) {
          const existingCmd = [matchingCommand.name()].concat(matchingCommand.aliases()).join("|");
          throw new Error(
            `cannot add alias '${alias}' to command '${this.name()}' as already have command '${existingCmd}'`
          );
        }
        command._aliases.push(alias);
        return this;
      }
      /**
       * Set aliases for the command.
       *
       * Only the first alias is shown in the auto-generated help.
       *
       * @param {string[]} [aliases]
       * @return {(string[]|Command)}
       */
      aliases(aliases) {
        if (aliases === void 0) return this._aliases;
        aliases.forEach((alias) => this.alias(alias));
        return this;
      }
      /**
       * Set / get the command usage `str`.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      usage(str) {
        if (str === void 0) {
          if (this._usage) return this._usage;
          const args = this.registeredArguments.map((arg) => {
            return humanReadableArgName(arg);
          });
          return [].concat(
            this.options.length || this._helpOption !== null ? "[options]" : [],
            this.commands.length ? "[command]" : [],
            this.registeredArguments.length ? args : []
          ).join(" ");
        }
        this._usage = str;
        return this;
      }
      /**
       * Get or set the name of the command.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      name(str) {
        if (str === void 0) return this._name;
        this._name = str;
        return this;
      }
      /**
       * Set/get the help group heading for this subcommand in parent command's help.
       *
       * @param {string} [heading]
       * @return {Command | string}
       */
      helpGroup(heading) {
        if (heading === void 0) return this._helpGroupHeading ?? "";
        this._helpGroupHeading = heading;
        return this;
      }
      /**
       * Set/get the default help group heading for subcommands added to this command.
       * (This does not override a group set directly on the subcommand using .helpGroup().)
       *
       * @example
       * program.commandsGroup('Development Commands:);
       * program.command('watch')...
       * program.command('lint')...
       * ...
       *
       * @param {string} [heading]
       * @returns {Command | string}
       */
      commandsGroup(heading) {
        if (heading === void 0) return this._defaultCommandGroup ?? "";
        this._defaultCommandGroup = heading;
        return this;
      }
      /**
       * Set/get the default help group heading for options added to this command.
       * (This does not override a group set directly on the option using .helpGroup().)
       *
       * @example
       * program
       *   .optionsGroup('Development Options:')
       *   .option('-d, --debug', 'output extra debugging')
       *   .option('-p, --profile', 'output profiling information')
       *
       * @param {string} [heading]
       * @returns {Command | string}
       */
      optionsGroup(heading) {
        if (heading === void 0) return this._defaultOptionGroup ?? "";
        this._defaultOptionGroup = heading;
        return this;
      }
      /**
       * @param {Option} option
       * @private
       */
      _initOptionGroup(option) {
        if (this._defaultOptionGroup && !option.helpGroupHeading)
          option.helpGroup(this._defaultOptionGroup);
      }
      /**
       * @param {Command} cmd
       * @private
       */
      _initCommandGroup(cmd) {
        if (this._defaultCommandGroup && !cmd.helpGroup())
          cmd.helpGroup(this._defaultCommandGroup);
      }
      /**
       * Set the name of the command from script filename, such as process.argv[1],
       * or require.main.filename, or __filename.
       *
       * (Used internally and public although not documented in README.)
       *
       * @example
       * program.nameFromFilename(require.main.filename);
       *
       * @param {string} filename
       * @return {Command}
       */
      nameFromFilename(filename) {
        this._name = path.basename(filename, path.extname(filename));
        return this;
      }
      /**
       * Get or set the directory for searching for executable subcommands of this command.
       *
       * @example
       * program.executableDir(__dirname);
       * // or
       * program.executableDir('subcommands');
       *
       * @param {string} [path]
       * @return {(string|null|Command)}
       */
      executableDir(path2) {
        if (path2 === void 0) return this._executableDir;
        this._executableDir = path2;
        return this;
      }
      /**
       * Return program help documentation.
       *
       * @param {{ error: boolean }} [contextOptions] - pass {error:true} to wrap for stderr instead of stdout
       * @return {string}
       */
      helpInformation(contextOptions) {
        const helper = this.createHelp();
        const context = this._getOutputContext(contextOptions);
        helper.prepareContext({
          error: context.error,
          helpWidth: context.helpWidth,
          outputHasColors: context.hasColors
        });
        const text = helper.formatHelp(this, helper);
        if (context.hasColors) return text;
        return this._outputConfiguration.stripColor(text);
      }
      /**
       * @typedef HelpContext
       * @type {object}
       * @property {boolean} error
       * @property {number} helpWidth
       * @property {boolean} hasColors
       * @property {function} write - includes stripColor if needed
       *
       * @returns {HelpContext}
       * @private
       */
      _getOutputContext(contextOptions) {
        contextOptions = contextOptions || {};
        const error = !!contextOptions.error;
        let baseWrite;
        let hasColors;
        let helpWidth2;
        if (error) {
          baseWrite = (str) => this._outputConfiguration.writeErr(str);
          hasColors = this._outputConfiguration.getErrHasColors();
          helpWidth2 = this._outputConfiguration.getErrHelpWidth();
        } else {
          baseWrite = (str) => this._outputConfiguration.writeOut(str);
          hasColors = this._outputConfiguration.getOutHasColors();
          helpWidth2 = this._outputConfiguration.getOutHelpWidth();
        }
        const write = (str) => {
          if (!hasColors) str = this._outputConfiguration.stripColor(str);
          return baseWrite(str);
        };
        return { error, write, hasColors, helpWidth: helpWidth2 };
      }
      /**
       * Output help information for this command.
       *
       * Outputs built-in help, and custom text added using `.addHelpText()`.
       *
       * @param {{ error: boolean } | Function} [contextOptions] - pass {error:true} to write to stderr instead of stdout
       */
      outputHelp(contextOptions) {
        let deprecatedCallback;
        if (typeof contextOptions === "function") {
          deprecatedCallback = contextOptions;
          contextOptions = void 0;
        }
        const outputContext = this._getOutputContext(contextOptions);
        const eventContext = {
          error: outputContext.error,
          write: outputContext.write,
          command: this
        };
        this._getCommandAndAncestors().reverse().forEach((command) => command.emit("beforeAllHelp", eventContext));
        this.emit("beforeHelp", eventContext);
        let helpInformation = this.helpInformation({ error: outputContext.error });
        if (deprecatedCallback) {
          helpInformation = deprecatedCallback(helpInformation);
          if (typeof helpInformation !== "string" && !Buffer.isBuffer(helpInformation)) {
            throw new Error("outputHelp callback must return a string or a Buffer");
          }
        }
        outputContext.write(helpInformation);
        if (this._getHelpOption()?.long) {
          this.emit(this._getHelpOption().long);
        }
        this.emit("afterHelp", eventContext);
        this._getCommandAndAncestors().forEach(
          (command) => command.emit("afterAllHelp", eventContext)
        );
      }
      /**
       * You can pass in flags and a description to customise the built-in help option.
       * Pass in false to disable the built-in help option.
       *
       * @example
       * program.helpOption('-?, --help' 'show help'); // customise
       * program.helpOption(false); // disable
       *
       * @param {(string | boolean)} flags
       * @param {string} [description]
       * @return {Command} `this` command for chaining
       */
      helpOption(flags, description) {
        if (typeof flags === "boolean") {
          if (flags) {
            if (this._helpOption === null) this._helpOption = void 0;
            if (this._defaultOptionGroup) {
              this._initOptionGroup(this._getHelpOption());
            }
          } else {
            this._helpOption = null;
          }
          return this;
        }
        this._helpOption = this.createOption(
          flags ?? "-h, --help",
          description ?? "display help for command"
        );
        if (flags || description) this._initOptionGroup(this._helpOption);
        return this;
      }
      /**
       * Lazy create help option.
       * Returns null if has been disabled with .helpOption(false).
       *
       * @returns {(Option | null)} the help option
       * @package
       */
      _getHelpOption() {
        if (this._helpOption === void 0) {
          this.helpOption(void 0, void 0);
        }
        return this._helpOption;
      }
      /**
       * Supply your own option to use for the built-in help option.
       * This is an alternative to using helpOption() to customise the flags and description etc.
       *
       * @param {Option} option
       * @return {Command} `this` command for chaining
       */
      addHelpOption(option) {
        this._helpOption = option;
        this._initOptionGroup(option);
        return this;
      }
      /**
       * Output help information and exit.
       *
       * Outputs built-in help, and custom text added using `.addHelpText()`.
       *
       * @param {{ error: boolean }} [contextOptions] - pass {error:true} to write to stderr instead of stdout
       */
      help(contextOptions) {
        this.outputHelp(contextOptions);
        let exitCode = Number(process3.exitCode ?? 0);
        if (exitCode === 0 && contextOptions && typeof contextOptions !== "function" && contextOptions.error) {
          exitCode = 1;
        }
        this._exit(exitCode, "commander.help", "(outputHelp)");
      }
      /**
       * // Do a little typing to coordinate emit and listener for the help text events.
       * @typedef HelpTextEventContext
       * @type {object}
       * @property {boolean} error
       * @property {Command} command
       * @property {function} write
       */
      /**
       * Add additional text to be displayed with the built-in help.
       *
       * Position is 'before' or 'after' to affect just this command,
       * and 'beforeAll' or 'afterAll' to affect this command and all its subcommands.
       *
       * @param {string} position - before or after built-in help
       * @param {(string | Function)} text - string to add, or a function returning a string
       * @return {Command} `this` command for chaining
       */
      addHelpText(position, text) {
        const allowedValues = ["beforeAll", "before", "after", "afterAll"];
        if (!allowedValues.includes(position)) {
          throw new Error(`Unexpected value for position to addHelpText.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        const helpEvent = `${position}Help`;
        this.on(helpEvent, (context) => {
          let helpStr;
          if (typeof text === "function") {
            helpStr = text({ error: context.error, command: context.command });
          } else {
            helpStr = text;
          }
          if (helpStr) {
            context.write(`${helpStr}
`);
          }
        });
        return this;
      }
      /**
       * Output help information if help flags specified
       *
       * @param {Array} args - array of options to search for help flags
       * @private
       */
      _outputHelpIfRequested(args) {
        const helpOption = this._getHelpOption();
        const helpRequested = helpOption && args.find((arg) => helpOption.is(arg));
        if (helpRequested) {
          this.outputHelp();
          this._exit(0, "commander.helpDisplayed", "(outputHelp)");
        }
      }
    };
    function incrementNodeInspectorPort(args) {
      return args.map((arg) => {
        if (!arg.startsWith("--inspect")) {
          return arg;
        }
        let debugOption;
        let debugHost = "127.0.0.1";
        let debugPort = "9229";
        let match;
        if ((match = arg.match(/^(--inspect(-brk)?)$/)) !== null) {
          debugOption = match[1];
        } else if ((match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+)$/)) !== null) {
          debugOption = match[1];
          if (/^\d+$/.test(match[3])) {
            debugPort = match[3];
          } else {
            debugHost = match[3];
          }
        } else if ((match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+):(\d+)$/)) !== null) {
          debugOption = match[1];
          debugHost = match[3];
          debugPort = match[4];
        }
        if (debugOption && debugPort !== "0") {
          return `${debugOption}=${debugHost}:${parseInt(debugPort) + 1}`;
        }
        return arg;
      });
    }
    function useColor() {
      if (process3.env.NO_COLOR || process3.env.FORCE_COLOR === "0" || process3.env.FORCE_COLOR === "false")
        return false;
      if (process3.env.FORCE_COLOR || process3.env.CLICOLOR_FORCE !== void 0)
        return true;
      return void 0;
    }
    exports2.Command = Command2;
    exports2.useColor = useColor;
  }
});

// node_modules/commander/index.js
var require_commander = __commonJS({
  "node_modules/commander/index.js"(exports2) {
    var { Argument: Argument2 } = require_argument();
    var { Command: Command2 } = require_command();
    var { CommanderError: CommanderError2, InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var { Help: Help2 } = require_help();
    var { Option: Option2 } = require_option();
    exports2.program = new Command2();
    exports2.createCommand = (name) => new Command2(name);
    exports2.createOption = (flags, description) => new Option2(flags, description);
    exports2.createArgument = (name, description) => new Argument2(name, description);
    exports2.Command = Command2;
    exports2.Option = Option2;
    exports2.Argument = Argument2;
    exports2.Help = Help2;
    exports2.CommanderError = CommanderError2;
    exports2.InvalidArgumentError = InvalidArgumentError2;
    exports2.InvalidOptionArgumentError = InvalidArgumentError2;
  }
});

// src/shared/exit-codes.ts
function signalExitCode(signal) {
  return 128 + (typeof signal === "number" ? signal : import_node_os.constants.signals[signal] ?? 0);
}
var import_node_os, EXIT_CODES;
var init_exit_codes = __esm({
  "src/shared/exit-codes.ts"() {
    "use strict";
    import_node_os = require("node:os");
    EXIT_CODES = {
      /** A run that did not succeed although its last attempt exited 0 (an unmet `--until`). */
      FAILURE: 1,
      /** Output could not be written: `--stdout final`, an HTTP body (curl's 23). */
      WRITE: 23,
      /** A bug in retry-run. */
      INTERNAL: 70,
      /** The circuit breaker is open (or `--breaker-strict` cannot use the store): nothing ran. */
      CIRCUIT_OPEN: 75,
      /** The last attempt was ended by `--timeout` or the deadline (timeout(1)'s 124). */
      TIMEOUT: 124,
      /** retry-run's own error: a bad option or value, an unreadable file. Nothing ran. */
      USAGE: 125,
      NOT_EXECUTABLE: 126,
      NOT_FOUND: 127
    };
  }
});

// src/shared/errors.ts
function invalidValue(flag, value, expectation) {
  return new UsageError(`${flag}: ${expectation} (got '${String(value)}')`);
}
var ERROR_EXIT, RetryRunError, UsageError, MissingDoubleDashError, RegexTooCostlyError, StoreError, BodyWriteError, OutputWriteError, SimulationLimitError, isRetryRunError, isBodyWriteError;
var init_errors = __esm({
  "src/shared/errors.ts"() {
    "use strict";
    init_exit_codes();
    ERROR_EXIT = {
      /** A bad flag or value. */
      ERR_USAGE: "USAGE",
      /** A file named by a flag (`--data @file`, `--cacert`) cannot be read. */
      ERR_UNREADABLE_FILE: "USAGE",
      /** `--output` cannot be written at all (checked before the first attempt). */
      ERR_UNWRITABLE_OUTPUT: "USAGE",
      /** A user's regular expression took over its time bound to compile or match. */
      ERR_REGEX_TOO_COSTLY: "USAGE",
      /** `explain --simulate` would need too many steps. */
      ERR_SIMULATION_LIMIT: "USAGE",
      /** The state store cannot be reached, read or written, or another process holds it. */
      ERR_STORE_UNAVAILABLE: "USAGE",
      /** A stored document is not what retry-run wrote (or a link or device was planted). */
      ERR_STORE_CORRUPT: "USAGE",
      /** A state dir others could tamper with: refused. */
      ERR_STORE_UNSAFE: "USAGE",
      /** The HTTP response body could not be written. */
      ERR_BODY_WRITE: "WRITE",
      /** `--stdout final` could not hold the output. */
      ERR_OUTPUT_WRITE: "WRITE"
    };
    RetryRunError = class extends Error {
      code;
      exitCode;
      constructor(message2, code, options) {
        super(message2, options);
        this.name = "RetryRunError";
        this.code = code;
        this.exitCode = EXIT_CODES[ERROR_EXIT[code]];
      }
    };
    UsageError = class extends RetryRunError {
      constructor(message2, code = "ERR_USAGE") {
        super(message2, code);
        this.name = "UsageError";
      }
    };
    MissingDoubleDashError = class extends UsageError {
      constructor(message2) {
        super(message2);
        this.name = "MissingDoubleDashError";
      }
    };
    RegexTooCostlyError = class extends UsageError {
      constructor(message2) {
        super(message2, "ERR_REGEX_TOO_COSTLY");
        this.name = "RegexTooCostlyError";
      }
    };
    StoreError = class extends RetryRunError {
      kind;
      constructor(kind, message2, options) {
        const code = kind === "corrupt" ? "ERR_STORE_CORRUPT" : kind === "unsafe" ? "ERR_STORE_UNSAFE" : "ERR_STORE_UNAVAILABLE";
        super(message2, code, options);
        this.name = "StoreError";
        this.kind = kind;
      }
    };
    BodyWriteError = class extends RetryRunError {
      /** The system's code for the failed write, such as `ENOSPC` (`EIO` when it gave none). */
      systemCode;
      constructor(cause, path) {
        const where = path === void 0 ? "" : ` to ${path}`;
        const detail = cause?.message ?? String(cause);
        super(`cannot write the body${where}: ${detail}`, "ERR_BODY_WRITE", { cause });
        this.name = "BodyWriteError";
        this.systemCode = cause?.code ?? "EIO";
      }
    };
    OutputWriteError = class extends RetryRunError {
      constructor(message2, options) {
        super(message2, "ERR_OUTPUT_WRITE", options);
        this.name = "OutputWriteError";
      }
    };
    SimulationLimitError = class extends RetryRunError {
      constructor(strategy, maxSteps, message2 = `the ${strategy} strategy needs more than ${maxSteps.toLocaleString("en-US")} steps`) {
        super(message2, "ERR_SIMULATION_LIMIT");
        this.strategy = strategy;
        this.maxSteps = maxSteps;
        this.name = "SimulationLimitError";
      }
      strategy;
      maxSteps;
    };
    isRetryRunError = (error) => error instanceof RetryRunError;
    isBodyWriteError = (error) => error instanceof BodyWriteError;
  }
});

// src/config/numbers.ts
function parseInteger(text, flag, min = 0, max = Number.MAX_SAFE_INTEGER) {
  const value = Number(text.trim());
  if (!/^\s*-?\d+\s*$/.test(text) || !Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max}`;
    throw invalidValue(flag, text, `expected a whole number ${range}`);
  }
  return value;
}
function parseNumberAbove(text, flag, above) {
  const value = Number(text.trim());
  if (!/^\s*\d+(\.\d+)?\s*$/.test(text) || !Number.isFinite(value) || value <= above) {
    throw invalidValue(flag, text, `expected a number greater than ${above}`);
  }
  return value;
}
function closest(word, candidates) {
  const lower = word.toLowerCase();
  const prefixed = candidates.filter(
    (candidate) => lower.length >= 2 && candidate.startsWith(lower)
  );
  if (prefixed.length === 1) return prefixed[0];
  let best;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : void 0;
}
function editDistance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length];
}
function parseChoice(text, flag, choices) {
  const choice = choices.find((name) => name === text.trim().toLowerCase());
  if (choice !== void 0) return choice;
  const listed = `${choices.slice(0, -1).join(", ")} or ${choices.at(-1)}`;
  throw invalidValue(flag, text, `expected ${listed}`);
}
var init_numbers = __esm({
  "src/config/numbers.ts"() {
    "use strict";
    init_errors();
  }
});

// src/runners/command/command-spec.ts
function shellCommand(script, shown = script) {
  return { file: "/bin/sh", args: ["-c", script], display: shown };
}
function argvCommand(argv, shown = argv) {
  const [file, ...args] = argv;
  if (file === void 0) throw new UsageError("argvCommand needs at least the command");
  return { file, args, display: shown.map(quoteForDisplay).join(" ") };
}
function quoteForDisplay(arg) {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}
var init_command_spec = __esm({
  "src/runners/command/command-spec.ts"() {
    "use strict";
    init_errors();
  }
});

// src/conditions/load-re2js.ts
var loadRe2js;
var init_load_re2js = __esm({
  "src/conditions/load-re2js.ts"() {
    "use strict";
    loadRe2js = () => require("./vendor/re2js.cjs");
  }
});

// src/conditions/time-bound.ts
function withinTimeLimit(work, flag, what, limitMs = REGEX_TIME_LIMIT_MS) {
  call ??= new import_node_vm.Script('globalThis[Symbol.for("retry-run.bounded-work")]()');
  holder[WORK] = work;
  try {
    return call.runInThisContext({ timeout: limitMs });
  } catch (error) {
    if (error.code !== "ERR_SCRIPT_EXECUTION_TIMEOUT") throw error;
    throw new RegexTooCostlyError(
      `${flag}: ${what} took longer than ${limitMs / 1e3}s; use a simpler regular expression`
    );
  } finally {
    delete holder[WORK];
  }
}
var import_node_vm, REGEX_TIME_LIMIT_MS, WORK, holder, call;
var init_time_bound = __esm({
  "src/conditions/time-bound.ts"() {
    "use strict";
    import_node_vm = require("node:vm");
    init_errors();
    REGEX_TIME_LIMIT_MS = 1e3;
    WORK = /* @__PURE__ */ Symbol.for("retry-run.bounded-work");
    holder = globalThis;
  }
});

// src/conditions/linear-regex.ts
function compileLinearRegex(source, flags, flag) {
  const text = `/${source}/${flags}`;
  const { RE2JS } = loadRe2js();
  let bits = 0;
  for (const letter of new Set(flags)) {
    const name = Object.hasOwn(FLAG_BITS, letter) ? FLAG_BITS[letter] : void 0;
    if (name === void 0) {
      throw new UsageError(
        `${flag}: regular expression flags may only be i, m, s, u (got '${flags}' in ${text})`
      );
    }
    if (name) bits |= RE2JS[name];
  }
  const compiled = withinTimeLimit(
    () => compile(RE2JS, source, bits, text, flag),
    flag,
    `compiling ${text}`
  );
  const bound = (work) => withinTimeLimit(work, flag, `matching ${text}`);
  return {
    text,
    test: (input) => bound(() => compiled.test(input)),
    // test() first: its DFA settles a miss much faster than find(), which tracks groups.
    firstIndex: (input) => bound(() => {
      if (!compiled.test(input)) return void 0;
      const matcher = compiled.matcher(input);
      return matcher.find() ? matcher.start() : void 0;
    })
  };
}
function compile(RE2JS, source, bits, text, flag) {
  if (needsBacktracking(source)) {
    throw new UsageError(
      `${flag}: ${text} uses a lookahead, lookbehind or backreference: retry-run matches with a linear-time engine (RE2 syntax), which has none, so that no pattern can hang a run`
    );
  }
  try {
    return RE2JS.compile(RE2JS.translateRegExp(source), bits);
  } catch (error) {
    throw new UsageError(
      `${flag}: invalid regular expression ${text}: ${error.message}`
    );
  }
}
function needsBacktracking(source) {
  let inClass = false;
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (char === "\\") {
      const next = source[index + 1] ?? "";
      if (!inClass && (/[1-9]/.test(next) || source.startsWith("k<", index + 1))) return true;
      index++;
    } else if (inClass) {
      inClass = char !== "]";
    } else if (char === "[") {
      inClass = true;
    } else if (LOOKAROUND.test(source.slice(index, index + 4))) {
      return true;
    }
  }
  return false;
}
var FLAG_BITS, LOOKAROUND;
var init_linear_regex = __esm({
  "src/conditions/linear-regex.ts"() {
    "use strict";
    init_errors();
    init_load_re2js();
    init_time_bound();
    FLAG_BITS = {
      i: "CASE_INSENSITIVE",
      m: "MULTILINE",
      s: "DOTALL",
      u: null
    };
    LOOKAROUND = /^\(\?<?[=!]/;
  }
});

// src/conditions/regex-option.ts
function parseRegexOption(text, flag, options) {
  const literal = LITERAL.exec(text);
  if (literal) return compileLinearRegex(literal[1], literal[2], flag);
  if (options.bare) return compileLinearRegex(text, "", flag);
  throw invalidValue(flag, text, "expected a regular expression such as /re/ or /re/i");
}
var LITERAL;
var init_regex_option = __esm({
  "src/conditions/regex-option.ts"() {
    "use strict";
    init_errors();
    init_linear_regex();
    LITERAL = /^\/(.*)\/([a-zA-Z]*)$/s;
  }
});

// src/conditions/conditions.ts
function parseConditions(text, flag) {
  if (text.length > MAX_LIST_LENGTH) throw new UsageError(`${flag}: the list is too long`);
  const conditions = [];
  let position = 0;
  while (position <= text.length) {
    const { raw, end } = readToken(text, position, flag);
    const token = raw.trim();
    if (token === "") throw new UsageError(`${flag}: empty condition in '${text}'`);
    conditions.push(parseToken(token, flag));
    position = end + 1;
  }
  return conditions;
}
function readToken(text, start, flag) {
  const regexStart = /^\s*(output|stdout|stderr):\//.exec(text.slice(start));
  if (!regexStart) {
    const comma2 = text.indexOf(",", start);
    const end2 = comma2 === -1 ? text.length : comma2;
    return { raw: text.slice(start, end2), end: end2 };
  }
  let index = start + regexStart[0].length;
  for (; index < text.length; index++) {
    if (text[index] === "\\") index++;
    else if (text[index] === "/") break;
  }
  if (index >= text.length) {
    throw new UsageError(`${flag}: unterminated regular expression in '${text.slice(start)}'`);
  }
  const comma = text.indexOf(",", index);
  const end = comma === -1 ? text.length : comma;
  return { raw: text.slice(start, end), end };
}
function parseToken(token, flag) {
  const lower = token.toLowerCase();
  if (lower === "any") return { kind: "any", token: "any" };
  if (lower === "timeout") return { kind: "timeout", token: "timeout" };
  if (lower === "connection") return { kind: "connection", token: "connection" };
  if (lower === "signal") return { kind: "signal", token: "signal" };
  if (lower.startsWith("signal:")) return parseSignal(token.slice(7), flag);
  if (lower.startsWith("exit:")) return parseExit(token.slice(5), flag);
  const output = /^(output|stdout|stderr):(\/.*)$/s.exec(token);
  if (output) return parseOutput(output[1], output[2], flag);
  if (/^[1-5]\d\d$/.test(token)) {
    const status = Number(token);
    return { kind: "status", min: status, max: status, token };
  }
  if (/^[1-5]xx$/i.test(token)) {
    const hundred = Number(token[0]) * 100;
    return { kind: "status", min: hundred, max: hundred + 99, token: `${token[0]}xx` };
  }
  throw new UsageError(
    `${flag}: unknown condition '${token}'; valid conditions are: ${VALID_TOKENS}`
  );
}
function parseExit(range, flag) {
  if (range.toLowerCase() === "any") return { kind: "exit", min: 0, max: 255, token: "exit:any" };
  const match = /^(\d{1,3})(?:-(\d{1,3}))?$/.exec(range);
  const min = Number(match?.[1]);
  const max = match?.[2] === void 0 ? min : Number(match[2]);
  if (!match || min > 255 || max > 255 || min > max) {
    throw new UsageError(
      `${flag}: 'exit:${range}' needs an exit code or range within 0-255, such as exit:1 or exit:2-5`
    );
  }
  return { kind: "exit", min, max, token: min === max ? `exit:${min}` : `exit:${min}-${max}` };
}
function parseSignal(name, flag) {
  const upper = name.toUpperCase();
  const signal = upper.startsWith("SIG") ? upper : `SIG${upper}`;
  if (!(signal in import_node_os2.constants.signals)) {
    throw new UsageError(
      `${flag}: unknown signal '${name}' (for example signal:TERM, signal:KILL)`
    );
  }
  return { kind: "signal", signal, token: `signal:${signal.slice(3)}` };
}
function parseOutput(stream, literal, flag) {
  const regex = parseRegexOption(literal, flag, { bare: false });
  return { kind: "output", stream, regex, token: `${stream}:${regex.text}` };
}
function needsOutput(conditions) {
  return conditions.some(
    (c) => c.kind === "output" || c.kind === "status" || c.kind === "connection"
  );
}
var import_node_os2, VALID_TOKENS, MAX_LIST_LENGTH;
var init_conditions = __esm({
  "src/conditions/conditions.ts"() {
    "use strict";
    import_node_os2 = require("node:os");
    init_errors();
    init_regex_option();
    VALID_TOKENS = "any, exit:N, exit:N-M, exit:any, signal, signal:NAME, timeout, connection, NNN, Nxx, output:/re/, stdout:/re/, stderr:/re/";
    MAX_LIST_LENGTH = 1e4;
  }
});

// src/shared/defaults.ts
var DEFAULTS;
var init_defaults = __esm({
  "src/shared/defaults.ts"() {
    "use strict";
    DEFAULTS = {
      strategy: "jitter",
      maxAttempts: 5,
      baseMs: 1e3,
      capMs: 6e4,
      factor: 2,
      killAfterMs: 5e3,
      stdin: "auto",
      maxServerWaitMs: 5 * 6e4,
      commandRetryOn: "any",
      commandStopOn: "exit:126,exit:127",
      httpRetryOn: "408,429,500,502,503,504,timeout,connection",
      warnAfter: 2,
      /** `--pushgateway`: a push may delay the exit this long at most, then it is a warning. */
      pushgatewayTimeoutMs: 5e3,
      /** GitHub Actions: a step summary only for a run that retried or failed. */
      stepSummary: "retries",
      /** Newest history records kept per name; older ones are pruned. */
      historyKeep: 1e3,
      statsSinceMs: 7 * 24 * 36e5,
      breakerThreshold: 5,
      breakerCooldownMs: 3e4,
      /** Retry budget (gRPC A6's defaults in spirit): tokens, and what a success adds back. */
      budgetTokens: 10,
      budgetRatio: 0.1,
      maxRedirects: 10,
      /** HTTP mode: limit for making the connection (undici's own default). */
      connectTimeoutMs: 1e4,
      /**
       * HTTP mode: no byte from the server for this long ends the attempt. nginx's
       * proxy_read_timeout and AWS load balancers' idle timeout: a response that pauses longer
       * would rarely pass a proxy anyway, and a readiness poll gets to its next attempt.
       */
      idleTimeoutMs: 6e4,
      expect: "2xx",
      stdout: "live",
      /** `explain --simulate`: calls the server answers per slice, and the slice's length. */
      simulateCapacity: 10,
      simulateSliceMs: 100
    };
  }
});

// src/shared/duration.ts
function parseDuration(text, flag = "duration") {
  const value = text.trim();
  const fail = () => invalidValue(flag, text, "expected a duration such as 500ms, 1.5s, 1m30s or 2h");
  if (value === "" || value.length > 64) throw fail();
  let ms;
  if (BARE_NUMBER.test(value)) {
    ms = Number(value) * 1e3;
  } else {
    ms = 0;
    PART.lastIndex = 0;
    while (PART.lastIndex < value.length) {
      const start = PART.lastIndex;
      const match = PART.exec(value);
      if (!match || match.index !== start) throw fail();
      ms += Number(match[1]) * UNIT_MS[match[2]];
    }
  }
  if (!Number.isFinite(ms) || ms > MAX_MS) throw fail();
  return Math.round(ms);
}
function positiveDuration(text, flag) {
  const ms = parseDuration(text, flag);
  if (ms === 0) throw invalidValue(flag, text, "expected a duration greater than 0");
  return ms;
}
function formatDuration(ms) {
  if (!Number.isFinite(ms)) return String(ms);
  if (ms < 1e3) return `${Math.round(ms)}ms`;
  if (ms < 6e4) return `${trimDecimals(ms / 1e3)}s`;
  const totalSeconds = Math.round(ms / 1e3);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor(totalSeconds % 3600 / 60);
  const seconds = totalSeconds % 60;
  return [hours && `${hours}h`, minutes && `${minutes}m`, seconds && `${seconds}s`].filter(Boolean).join("");
}
function trimDecimals(value) {
  return value.toFixed(value < 10 ? 2 : 1).replace(/\.?0+$/, "");
}
var UNIT_MS, PART, BARE_NUMBER, MAX_MS;
var init_duration = __esm({
  "src/shared/duration.ts"() {
    "use strict";
    init_errors();
    UNIT_MS = { ms: 1, s: 1e3, m: 6e4, h: 36e5 };
    PART = /(\d+(?:\.\d+)?|\.\d+)(ms|s|m|h)/y;
    BARE_NUMBER = /^(\d+(?:\.\d+)?|\.\d+)$/;
    MAX_MS = Number.MAX_SAFE_INTEGER / 1e3;
  }
});

// src/backoff/strategy.ts
function stepOf(ms) {
  const delayMs = Math.round(ms);
  return { delayMs, previousMs: delayMs };
}
function exactly(ms) {
  const only = Math.round(ms);
  return { minMs: only, maxMs: only };
}
var init_strategy = __esm({
  "src/backoff/strategy.ts"() {
    "use strict";
  }
});

// src/backoff/decorrelated.ts
function rangeTop({ baseMs }, previousMs) {
  return Math.max(baseMs, 3 * previousMs);
}
var decorrelated;
var init_decorrelated = __esm({
  "src/backoff/decorrelated.ts"() {
    "use strict";
    init_strategy();
    decorrelated = {
      name: "decorrelated",
      random: true,
      formula: "min(cap, uniform(base, 3*prev))",
      behaviour: "random walk from the last wait",
      whenToUse: "many clients, fewer calls than full jitter",
      delay: (settings, _retry, previousMs, random) => {
        const { baseMs, capMs } = settings;
        const high = rangeTop(settings, previousMs);
        return stepOf(Math.min(capMs, baseMs + random() * (high - baseMs)));
      },
      bounds: (settings, _retry, previousMaxMs) => ({
        minMs: Math.min(settings.capMs, settings.baseMs),
        maxMs: Math.round(Math.min(settings.capMs, rangeTop(settings, previousMaxMs)))
      }),
      capped: (settings, _retry, previousMaxMs) => rangeTop(settings, previousMaxMs) > settings.capMs
    };
  }
});

// src/backoff/exponential.ts
function exponentialEnvelope({ baseMs, capMs, factor }, retry2) {
  return Math.min(capMs, baseMs * Math.pow(factor, retry2 - 1));
}
function envelopeCapped({ baseMs, capMs, factor }, retry2) {
  return baseMs * Math.pow(factor, retry2 - 1) > capMs;
}
var exponential;
var init_exponential = __esm({
  "src/backoff/exponential.ts"() {
    "use strict";
    init_strategy();
    exponential = {
      name: "exponential",
      random: false,
      formula: "min(cap, base*factor^(n-1))",
      behaviour: "doubles (by factor) each retry",
      whenToUse: "one client against an overloaded service",
      delay: (settings, retry2) => stepOf(exponentialEnvelope(settings, retry2)),
      bounds: (settings, retry2) => exactly(exponentialEnvelope(settings, retry2)),
      capped: envelopeCapped,
      median: ({ minMs }) => minMs
    };
  }
});

// src/backoff/equal-jitter.ts
var equalJitter;
var init_equal_jitter = __esm({
  "src/backoff/equal-jitter.ts"() {
    "use strict";
    init_exponential();
    init_strategy();
    equalJitter = {
      name: "equal-jitter",
      random: true,
      formula: "e/2 + uniform(0, e/2)",
      behaviour: "half fixed, half random",
      whenToUse: "spread, but never retry too soon",
      delay: (settings, retry2, _previousMs, random) => {
        const envelope = exponentialEnvelope(settings, retry2);
        return stepOf(envelope / 2 + random() * (envelope / 2));
      },
      bounds: (settings, retry2) => {
        const envelope = exponentialEnvelope(settings, retry2);
        return { minMs: Math.round(envelope / 2), maxMs: Math.round(envelope) };
      },
      capped: envelopeCapped,
      // Uniform over its range: the median is the middle.
      median: ({ minMs, maxMs }) => Math.round((minMs + maxMs) / 2)
    };
  }
});

// src/backoff/fixed.ts
function fixedDelay({ baseMs, capMs }) {
  return Math.min(capMs, baseMs);
}
var fixed;
var init_fixed = __esm({
  "src/backoff/fixed.ts"() {
    "use strict";
    init_strategy();
    fixed = {
      name: "fixed",
      random: false,
      formula: "min(cap, base)",
      behaviour: "the same wait every time",
      whenToUse: "polling for readiness at a steady pace",
      delay: (settings) => stepOf(fixedDelay(settings)),
      bounds: (settings) => exactly(fixedDelay(settings)),
      capped: ({ baseMs, capMs }) => baseMs > capMs,
      median: ({ minMs }) => minMs
    };
  }
});

// src/backoff/jitter.ts
var jitter;
var init_jitter = __esm({
  "src/backoff/jitter.ts"() {
    "use strict";
    init_exponential();
    init_strategy();
    jitter = {
      name: "jitter",
      random: true,
      formula: "uniform(0, e)",
      behaviour: "full jitter over the exponential e",
      whenToUse: "many clients at once (the default): spreads load best",
      delay: (settings, retry2, _previousMs, random) => stepOf(random() * exponentialEnvelope(settings, retry2)),
      bounds: (settings, retry2) => ({
        minMs: 0,
        maxMs: Math.round(exponentialEnvelope(settings, retry2))
      }),
      capped: envelopeCapped,
      // Uniform over its range: the median is the middle.
      median: ({ minMs, maxMs }) => Math.round((minMs + maxMs) / 2)
    };
  }
});

// src/backoff/linear.ts
function linearDelay({ baseMs, capMs }, retry2) {
  return Math.min(capMs, baseMs * retry2);
}
var linear;
var init_linear = __esm({
  "src/backoff/linear.ts"() {
    "use strict";
    init_strategy();
    linear = {
      name: "linear",
      random: false,
      formula: "min(cap, base*n)",
      behaviour: "grows by one base per retry",
      whenToUse: "gentle back-off for a local resource",
      delay: (settings, retry2) => stepOf(linearDelay(settings, retry2)),
      bounds: (settings, retry2) => exactly(linearDelay(settings, retry2)),
      capped: ({ baseMs, capMs }, retry2) => baseMs * retry2 > capMs,
      median: ({ minMs }) => minMs
    };
  }
});

// src/backoff/strategies.ts
function strategyNamed(name) {
  return BY_NAME.get(name);
}
function nextDelay(policy, retry2, previousMs, random) {
  return strategyNamed(policy.strategy).delay(policy, retry2, previousMs, random);
}
var STRATEGIES, STRATEGY_NAMES, BY_NAME;
var init_strategies = __esm({
  "src/backoff/strategies.ts"() {
    "use strict";
    init_decorrelated();
    init_equal_jitter();
    init_exponential();
    init_fixed();
    init_jitter();
    init_linear();
    STRATEGIES = [fixed, linear, exponential, jitter, equalJitter, decorrelated];
    STRATEGY_NAMES = STRATEGIES.map((s) => s.name);
    BY_NAME = new Map(STRATEGIES.map((s) => [s.name, s]));
  }
});

// src/config/normalize.ts
function normalizePolicy(raw) {
  const optionalDuration = (value, flag) => value === void 0 ? void 0 : positiveDuration(value, flag);
  const policy = {
    strategy: parseStrategy(raw.strategy ?? DEFAULTS.strategy),
    maxAttempts: raw.max === void 0 ? DEFAULTS.maxAttempts : parseMaxAttempts(raw.max),
    baseMs: raw.base === void 0 ? DEFAULTS.baseMs : parseDuration(raw.base, "--base"),
    capMs: raw.cap === void 0 ? DEFAULTS.capMs : parseDuration(raw.cap, "--cap"),
    factor: raw.factor === void 0 ? DEFAULTS.factor : parseNumberAbove(raw.factor, "--factor", 1),
    killAfterMs: raw.killAfter === void 0 ? DEFAULTS.killAfterMs : parseDuration(raw.killAfter, "--kill-after"),
    serverWait: raw.serverWait ?? true,
    maxServerWaitMs: raw.maxServerWait === void 0 ? DEFAULTS.maxServerWaitMs : parseDuration(raw.maxServerWait, "--max-server-wait")
  };
  if (raw.factor !== void 0 && policy.factor > 1e3)
    throw invalidValue("--factor", raw.factor, "expected a number from 1 to 1000");
  const seed = raw.seed === void 0 ? void 0 : parseInteger(raw.seed, "--seed", 0, 2 ** 32 - 1);
  const timeoutMs = optionalDuration(raw.timeout, "--timeout");
  const deadlineMs = optionalDuration(raw.deadline, "--deadline");
  const staggerMs = raw.stagger === void 0 ? void 0 : parseDuration(raw.stagger, "--stagger");
  if (staggerMs !== void 0 && deadlineMs !== void 0 && staggerMs >= deadlineMs) {
    throw invalidValue("--stagger", raw.stagger, "expected less than --deadline");
  }
  return Object.freeze({
    ...policy,
    ...seed === void 0 ? {} : { seed },
    ...timeoutMs === void 0 ? {} : { timeoutMs },
    ...deadlineMs === void 0 ? {} : { deadlineMs },
    ...staggerMs === void 0 ? {} : { staggerMs }
  });
}
function parseMaxAttempts(text) {
  if (/^\s*inf(inity)?\s*$/i.test(text)) return Infinity;
  try {
    return parseInteger(text, "--max", 1, 1e6);
  } catch {
    throw invalidValue("--max", text, "expected a whole number from 1 to 1000000, or inf");
  }
}
function parseStrategy(text) {
  const name = text.trim().toLowerCase();
  if (STRATEGY_NAMES.includes(name)) return name;
  const guess = closest(name, STRATEGY_NAMES);
  const hint = guess ? `; did you mean '${guess}'?` : "";
  throw new UsageError(
    `--strategy: unknown strategy '${text}' (expected one of ${STRATEGY_NAMES.join(", ")})${hint}`
  );
}
function normalizeConditions(raw, mode) {
  const parseAll = (values, flag) => (values ?? []).flatMap((value) => parseConditions(value, flag)).map((condition) => {
    if (mode === "http" && COMMAND_ONLY.has(condition.kind)) {
      throw new UsageError(
        `${flag}: '${condition.token}' applies in command mode only; in HTTP mode use statuses (503, 5xx), timeout, connection or any`
      );
    }
    return condition;
  });
  const retryOn = raw.retryOn?.length ? parseAll(raw.retryOn, "--retry-on") : parseConditions(
    mode === "http" ? DEFAULTS.httpRetryOn : DEFAULTS.commandRetryOn,
    "--retry-on"
  );
  const stopOn = raw.stopOn?.length ? parseAll(raw.stopOn, "--stop-on") : mode === "command" ? parseConditions(DEFAULTS.commandStopOn, "--stop-on") : [];
  if (mode === "http" && raw.until?.length) {
    throw new UsageError(
      "--until: works in command mode only; in HTTP mode use --expect and --expect-body"
    );
  }
  const until = parseAll(raw.until, "--until");
  const statusAware = mode === "command" && !raw.retryOn?.length && !raw.stopOn?.length;
  return Object.freeze({ retryOn, stopOn, until, ...statusAware ? { statusAware } : {} });
}
var COMMAND_ONLY;
var init_normalize = __esm({
  "src/config/normalize.ts"() {
    "use strict";
    init_errors();
    init_conditions();
    init_defaults();
    init_duration();
    init_numbers();
    init_strategies();
    COMMAND_ONLY = /* @__PURE__ */ new Set(["exit", "signal", "output"]);
  }
});

// src/config/breaker.ts
function checkBreakerName(name, flag) {
  if (name.trim() === "" || Buffer.byteLength(name, "utf8") > MAX_NAME_BYTES || // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f]/.test(name)) {
    throw invalidValue(
      flag,
      name,
      `expected a name of 1 to ${MAX_NAME_BYTES} bytes of printable text (UTF-8)`
    );
  }
  return name;
}
function normalizeBreaker(raw) {
  if (raw.breaker === void 0) {
    const orphan = raw.breakerThreshold !== void 0 ? "--breaker-threshold" : raw.breakerCooldown !== void 0 ? "--breaker-cooldown" : raw.breakerStrict ? "--breaker-strict" : void 0;
    if (orphan) throw new UsageError(`${orphan}: only applies with --breaker <name>`);
    return void 0;
  }
  return Object.freeze({
    name: checkBreakerName(raw.breaker, "--breaker"),
    threshold: raw.breakerThreshold === void 0 ? DEFAULTS.breakerThreshold : parseInteger(raw.breakerThreshold, "--breaker-threshold", 1, 1e6),
    cooldownMs: raw.breakerCooldown === void 0 ? DEFAULTS.breakerCooldownMs : parseDuration(raw.breakerCooldown, "--breaker-cooldown"),
    strict: raw.breakerStrict ?? false
  });
}
var MAX_NAME_BYTES;
var init_breaker = __esm({
  "src/config/breaker.ts"() {
    "use strict";
    init_errors();
    init_defaults();
    init_duration();
    init_numbers();
    MAX_NAME_BYTES = 128;
  }
});

// lazy-builtin:fs/promises
function access(...args) {
  return require("node:fs").promises.access(...args);
}
function lstat(...args) {
  return require("node:fs").promises.lstat(...args);
}
function open(...args) {
  return require("node:fs").promises.open(...args);
}
function readFile(...args) {
  return require("node:fs").promises.readFile(...args);
}
function readdir(...args) {
  return require("node:fs").promises.readdir(...args);
}
function readlink(...args) {
  return require("node:fs").promises.readlink(...args);
}
function rename(...args) {
  return require("node:fs").promises.rename(...args);
}
function rm(...args) {
  return require("node:fs").promises.rm(...args);
}
function stat(...args) {
  return require("node:fs").promises.stat(...args);
}
function unlink(...args) {
  return require("node:fs").promises.unlink(...args);
}
function writeFile(...args) {
  return require("node:fs").promises.writeFile(...args);
}
var constants3;
var init_promises = __esm({
  "lazy-builtin:fs/promises"() {
    constants3 = require("node:fs").constants;
  }
});

// src/shared/random.ts
function randomHex(bytes) {
  const buffer = Buffer.alloc(bytes);
  try {
    const fd = (0, import_node_fs.openSync)("/dev/urandom", "r");
    try {
      for (let filled = 0; filled < bytes; ) {
        const read = (0, import_node_fs.readSync)(fd, buffer, filled, bytes - filled, null);
        if (read <= 0) throw new Error("/dev/urandom ended");
        filled += read;
      }
    } finally {
      (0, import_node_fs.closeSync)(fd);
    }
  } catch {
    return process.getBuiltinModule("node:crypto").randomBytes(bytes).toString("hex");
  }
  return buffer.toString("hex");
}
var import_node_fs;
var init_random = __esm({
  "src/shared/random.ts"() {
    "use strict";
    import_node_fs = require("node:fs");
  }
});

// src/store/atomic-write.ts
async function writeFileAtomic(path, text, options = {}) {
  const temporary = temporaryBeside(path);
  try {
    await writeFile(temporary, text, { mode: options.mode ?? 420, flag: "wx" });
    await options.beforeRename?.();
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
function temporaryBeside(path) {
  const unique = `${process.pid}.${randomHex(4)}`;
  return (0, import_node_path.join)((0, import_node_path.dirname)(path), `.${(0, import_node_path.basename)(path)}.${unique}.tmp`);
}
var import_node_path;
var init_atomic_write = __esm({
  "src/store/atomic-write.ts"() {
    "use strict";
    init_random();
    init_promises();
    import_node_path = require("node:path");
  }
});

// src/store/output-target.ts
async function resolveOutputTarget(path) {
  let current = path;
  for (let hop = 0; hop <= MAX_LINKS; hop++) {
    const stream = STANDARD_STREAMS.get(current);
    if (stream) return { kind: "stdio", path, stream };
    if (DESCRIPTOR.test(current)) return { kind: "through", path: current };
    const stats = await lstat(current).catch((error) => {
      if (error.code === "ENOENT") return void 0;
      throw error;
    });
    if (!stats || stats.isFile()) return { kind: "regular", path: current };
    if (stats.isDirectory()) throw new Error(`${current}: is a directory`);
    if (!stats.isSymbolicLink()) return { kind: "through", path: current };
    current = (0, import_node_path2.resolve)((0, import_node_path2.dirname)(current), await readlink(current));
  }
  throw new Error(`${path}: too many levels of symbolic links`);
}
async function writeOutputFile(path, content, options = {}) {
  await writeOutput(await resolveOutputTarget(path), content, options);
}
async function writeOutput(target, content, options = {}) {
  if (target.kind === "regular") {
    if (options.append) return writeFile(target.path, content, { flag: "a" });
    return writeFileAtomic(target.path, content);
  }
  const stallMs = options.stallMs ?? OUTPUT_STALL_MS;
  if (target.kind === "stdio") {
    const stdio = options.stdio ?? { stdout: process.stdout, stderr: process.stderr };
    return writeAll(stdio[target.stream], content, { stallMs, end: false });
  }
  const stream = await openThrough(target.path);
  try {
    await writeAll(stream, content, { stallMs, end: true });
  } finally {
    stream.destroy();
  }
}
async function openThrough(path) {
  const flags = import_node_fs2.constants.O_WRONLY | import_node_fs2.constants.O_NONBLOCK | import_node_fs2.constants.O_APPEND | import_node_fs2.constants.O_NOCTTY;
  let fd;
  try {
    fd = await openFd(path, flags);
  } catch (error) {
    const fifo = await stat(path).then(
      (s) => s.isFIFO(),
      () => false
    );
    if (error.code === "ENXIO" && fifo) {
      throw new Error("no process has the FIFO open for reading");
    }
    throw error;
  }
  try {
    const stats = await fstatFd(fd);
    if (stats.isFIFO()) return new import_node_net.Socket({ fd, readable: false, writable: true });
    if ((0, import_node_tty.isatty)(fd)) return new import_node_tty.WriteStream(fd);
    return (0, import_node_fs2.createWriteStream)(path, { fd });
  } catch (error) {
    (0, import_node_fs2.close)(fd, () => {
    });
    throw error;
  }
}
async function writeAll(stream, content, options) {
  let failure;
  const onError = (error) => void (failure ??= error);
  stream.on("error", onError);
  const step = (act) => new Promise((resolvePromise, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no progress writing for ${options.stallMs / 1e3}s`)),
      options.stallMs
    );
    act((error) => {
      clearTimeout(timer);
      if (error ?? failure) reject(error ?? failure);
      else resolvePromise();
    });
  });
  try {
    for await (const chunk of pieces(content)) {
      await step((done) => stream.write(chunk, done));
    }
    if (options.end) await step((done) => stream.end(done));
  } finally {
    stream.off("error", onError);
  }
}
async function* pieces(content) {
  if (typeof content !== "string" && !(content instanceof Uint8Array)) {
    yield* content;
    return;
  }
  const bytes = typeof content === "string" ? Buffer.from(content) : content;
  for (let start = 0; start < bytes.length; start += PIECE_BYTES) {
    yield bytes.subarray(start, start + PIECE_BYTES);
  }
}
var import_node_fs2, import_node_net, import_node_path2, import_node_tty, import_node_util, STANDARD_STREAMS, DESCRIPTOR, MAX_LINKS, OUTPUT_STALL_MS, openFd, fstatFd, PIECE_BYTES;
var init_output_target = __esm({
  "src/store/output-target.ts"() {
    "use strict";
    import_node_fs2 = require("node:fs");
    init_promises();
    import_node_net = require("node:net");
    import_node_path2 = require("node:path");
    import_node_tty = require("node:tty");
    import_node_util = require("node:util");
    init_atomic_write();
    STANDARD_STREAMS = /* @__PURE__ */ new Map([
      ["-", "stdout"],
      ["/dev/stdout", "stdout"],
      ["/dev/fd/1", "stdout"],
      ["/proc/self/fd/1", "stdout"],
      ["/dev/stderr", "stderr"],
      ["/dev/fd/2", "stderr"],
      ["/proc/self/fd/2", "stderr"]
    ]);
    DESCRIPTOR = /^\/(dev\/fd|proc\/self\/fd|proc\/thread-self\/fd)\/\d+$/;
    MAX_LINKS = 40;
    OUTPUT_STALL_MS = 1e4;
    openFd = (0, import_node_util.promisify)(import_node_fs2.open);
    fstatFd = (0, import_node_util.promisify)(import_node_fs2.fstat);
    PIECE_BYTES = 64 * 1024;
  }
});

// src/report/github.ts
var github_exports = {};
__export(github_exports, {
  STEP_SUMMARY_MODES: () => STEP_SUMMARY_MODES,
  annotate: () => annotate,
  createGitHubReporter: () => createGitHubReporter,
  escapeData: () => escapeData,
  escapeProperty: () => escapeProperty,
  workflowCommand: () => workflowCommand
});
function createGitHubReporter(options) {
  let start;
  const attempts = [];
  let summary;
  return {
    onEvent(event) {
      if (event.event === "start") start = event;
      if (event.event === "attempt") attempts.push(event);
      if (event.event === "wait" && attempts.length > 0) {
        attempts[attempts.length - 1].waitAfterMs = event.delayMs;
      }
      if (event.event === "summary") {
        summary = event;
        const annotation = annotate(event, attempts, options);
        if (annotation) options.sink.write(`${annotation}
`);
      }
    },
    async close() {
      if (!summary || !options.stepSummaryPath) return;
      if (!wantsStepSummary(options.stepSummary ?? "retries", summary)) return;
      const markdown = stepSummary(options.name, start, attempts, summary);
      try {
        await writeOutputFile(options.stepSummaryPath, markdown, { append: true });
      } catch (error) {
        options.warn(
          `could not append to GITHUB_STEP_SUMMARY (${options.stepSummaryPath}): ${error.message}`
        );
      }
    }
  };
}
function wantsStepSummary(mode, summary) {
  if (mode === "retries") return summary.attempts > 1 || summary.outcome !== "success";
  return mode === "always";
}
function annotate(summary, attempts, options) {
  const { name } = options;
  const title = `retry-run: ${name}`;
  const plural = (n) => `${n} attempt${n === 1 ? "" : "s"}`;
  if (summary.outcome !== "success") {
    const reason = summary.reason ? ` (${summary.reason})` : "";
    const text2 = `${name}: ${summary.outcome} after ${plural(summary.attempts)}${reason}: ${summary.message}; exit ${summary.exitCode}`;
    return workflowCommand("error", { title }, text2);
  }
  if (summary.attempts < options.warnAfter) return void 0;
  const reasons = countReasons(attempts);
  const text = `${name} needed ${plural(summary.attempts)} to succeed; failures: ${reasons}`;
  return workflowCommand("warning", { title }, text);
}
function countReasons(attempts) {
  const counts = /* @__PURE__ */ new Map();
  for (const a of attempts) {
    if (!a.classification.success) {
      const reason = a.classification.reason;
      counts.set(reason, (counts.get(reason) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([reason, count]) => `${reason} \xD7${count}`).join(", ");
}
function workflowCommand(command, properties, message2) {
  const props = Object.entries(properties).map(([key, value]) => `${key}=${escapeProperty(value)}`).join(",");
  return `::${command}${props ? ` ${props}` : ""}::${escapeData(message2)}`;
}
function escapeData(text) {
  return text.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}
function escapeProperty(text) {
  return escapeData(text).replaceAll(":", "%3A").replaceAll(",", "%2C");
}
function bounded(text, max) {
  return text.length > max ? `${text.slice(0, max - 1)}\u2026` : text;
}
function shownRows(rows) {
  const { firstRows, lastRows } = SUMMARY_LIMITS;
  if (rows.length <= firstRows + lastRows + 1) return [...rows];
  const hidden = rows.length - firstRows - lastRows;
  return [...rows.slice(0, firstRows), { hidden }, ...rows.slice(-lastRows)];
}
function stepSummary(name, start, attempts, summary) {
  const ok = summary.outcome === "success";
  const verdict = ok ? "succeeded" : summary.outcome;
  const shownName = cell(bounded(name, SUMMARY_LIMITS.name));
  const lines = [
    `### ${ok ? "\u2705" : "\u274C"} retry-run \`${shownName}\`: ${verdict} after ${summary.attempts} attempt${summary.attempts === 1 ? "" : "s"}`,
    ""
  ];
  if (start) {
    const command = bounded(start.description, SUMMARY_LIMITS.command);
    lines.push("Ran:", "", ...codeBlock(command), "");
  }
  if (attempts.length > 0) {
    lines.push("| attempt | result | reason | duration | wait after |", "|---:|---|---|---:|---:|");
    for (const a of shownRows(attempts)) {
      if ("hidden" in a) {
        lines.push(`| \u2026 | ${a.hidden} more attempts | | | |`);
        continue;
      }
      const result = a.classification.success ? "\u2705 success" : "\u274C failure";
      const reason = a.classification.success ? "" : `\`${cell(bounded(a.classification.reason, SUMMARY_LIMITS.name))}\``;
      const wait = a.waitAfterMs === void 0 ? "" : formatDuration(a.waitAfterMs);
      lines.push(
        `| ${a.attempt} | ${result} | ${reason} | ${formatDuration(a.result.durationMs)} | ${wait} |`
      );
    }
    lines.push("");
  }
  const message2 = bounded(summary.message, SUMMARY_LIMITS.message);
  const ending = ok ? "" : ` ${cell(message2)}; exit ${summary.exitCode}.`;
  lines.push(
    `Total ${formatDuration(summary.elapsedMs)}, of which ${formatDuration(summary.waitedMs)} waiting.${ending}`,
    ""
  );
  return `${lines.join("\n")}
`;
}
function codeBlock(text) {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longestRun + 1));
  return [`${fence}sh`, text, fence];
}
function cell(text) {
  return text.replace(/[\r\n]+/g, " ").replaceAll("|", "\\|").replaceAll("`", "'");
}
var STEP_SUMMARY_MODES, SUMMARY_LIMITS;
var init_github = __esm({
  "src/report/github.ts"() {
    "use strict";
    init_duration();
    init_output_target();
    STEP_SUMMARY_MODES = ["always", "retries", "never"];
    SUMMARY_LIMITS = { name: 100, command: 300, message: 500, firstRows: 10, lastRows: 10 };
  }
});

// src/shared/secret-names.ts
function isSecretName(name) {
  if (!MAY_BE_SECRET.test(name)) return false;
  const lower = name.startsWith("-") ? name.toLowerCase().replace(/^-+/, "") : name.toLowerCase();
  const mayBe = SECRET_PARTS.test(lower) || SECRET_NAMES.has(lower) || [...SECRET_WORDS].some((word) => lower.includes(word));
  if (!mayBe) return false;
  const words = lower.split(/[^a-z0-9]+/);
  if (PUBLIC_NAMES.has(lower) || WHERE_WORDS.has(words.at(-1) ?? "")) return false;
  if (SECRET_NAMES.has(lower) || SECRET_PARTS.test(lower)) return true;
  return words.some((word) => SECRET_WORDS.has(word));
}
function environmentSecrets(env2) {
  return Object.keys(env2).flatMap((name) => {
    if (!isSecretName(name) || PUBLIC_ENV.test(name)) return [];
    const value = env2[name];
    if (value === void 0) return [];
    const lines = value.includes("\n") ? value.split(/\r?\n/).map((line) => line.trim()) : [];
    return [value, ...lines].filter(
      (text) => text.length >= MIN_ENV_SECRET_LENGTH && !NOT_A_SECRET_VALUE.test(text.trim())
    );
  });
}
var SECRET_PARTS, SECRET_WORDS, SECRET_NAMES, PUBLIC_NAMES, WHERE_WORDS, MAY_BE_SECRET, PUBLIC_ENV, NOT_A_SECRET_VALUE, MIN_ENV_SECRET_LENGTH;
var init_secret_names = __esm({
  "src/shared/secret-names.ts"() {
    "use strict";
    SECRET_PARTS = /token|secret|passw|pwd|credential|cookie|session|signature|key|auth(?!or(?!i))/;
    SECRET_WORDS = /* @__PURE__ */ new Set(["sig", "pass"]);
    SECRET_NAMES = /* @__PURE__ */ new Set(["code"]);
    PUBLIC_NAMES = /* @__PURE__ */ new Set(["idempotency-key"]);
    WHERE_WORDS = /* @__PURE__ */ new Set(["file", "path", "dir"]);
    MAY_BE_SECRET = /token|secret|pwd|credential|cookie|session|sig|key|auth|pass|code/iu;
    PUBLIC_ENV = /^(PWD|OLDPWD|XDG_\w*|DBUS_SESSION_BUS_ADDRESS|SESSION_MANAGER|SSH_AUTH_SOCK|XAUTHORITY)$/;
    NOT_A_SECRET_VALUE = /^(true|false|yes|no|on|off|null|none|undefined)$/i;
    MIN_ENV_SECRET_LENGTH = 4;
  }
});

// src/shared/redact-text.ts
function redactSecrets(text) {
  if (!mayHoldSecretForm(text)) return text;
  let out = text;
  if (out.includes("@")) {
    out = out.replace(USERINFO, (_all, scheme, info) => {
      const colon = info.indexOf(":");
      return `${scheme}${colon === -1 ? REDACTED : `${info.slice(0, colon)}:${REDACTED}`}@`;
    });
  }
  if (out.includes('"')) {
    out = out.replace(
      JSON_FIELD,
      (all, name, colon, value) => isSecretName(name) && value !== "" ? `"${name}"${colon}"${REDACTED}"` : all
    );
  }
  if (out.includes("=")) {
    out = out.replace(
      ASSIGNMENT2,
      (all, name, value) => isSecretName(name) ? `${name}=${maskValue(value)}` : all
    );
  }
  if (out.includes("-")) {
    out = out.replace(
      OPTION_VALUE,
      (all, name, space, value) => isSecretName(name) && !value.startsWith("--") ? `${name}${space}${maskValue(value)}` : all
    ).replace(
      USER_OPTION,
      (_all, flag, separator, quote, user) => `${flag}${separator}${quote}${user}:${REDACTED}`
    );
  }
  if (out.includes(":")) {
    out = out.replace(HEADER, (all, name, space, value) => {
      if (!isSecretName(name) || value.trim() === "") return all;
      const scheme = AUTH_SCHEME.exec(value)?.[1] ?? "";
      return `${name}:${space}${scheme}${REDACTED}`;
    });
  }
  return out;
}
function mayHoldSecretForm(text) {
  if (text.includes("@") || text.includes("=") || text.includes(":")) return true;
  const dash = text.indexOf("-");
  return dash !== -1 && (text.includes(" ", dash) || text.includes("	", dash));
}
function maskValue(value) {
  if (REFERENCE.test(value)) return value;
  const quote = value[0] === "'" || value[0] === '"' ? value[0] : "";
  return `${quote}${REDACTED}${quote}`;
}
var REDACTED, VALUE, USERINFO, JSON_FIELD, ASSIGNMENT2, OPTION_VALUE, USER_FLAGS, USER_OPTION, HEADER, AUTH_SCHEME, REFERENCE;
var init_redact_text = __esm({
  "src/shared/redact-text.ts"() {
    "use strict";
    init_secret_names();
    REDACTED = "***";
    VALUE = String.raw`'[^']*'|"(?:[^"\\]|\\.)*"|[^\s&;|<>()'"\x60]+`;
    USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#@'"[\]]+)@/gi;
    JSON_FIELD = /"([^"\\]{1,100})"(\s*:\s*)"((?:[^"\\]|\\.)*)"/g;
    ASSIGNMENT2 = new RegExp(String.raw`(?<![\w.-])(-{0,2}[A-Za-z_][\w.-]*)=(${VALUE})`, "g");
    OPTION_VALUE = new RegExp(String.raw`(?<![\w-])(--?[A-Za-z][\w.-]*)([ \t]+)(${VALUE})`, "g");
    USER_FLAGS = /* @__PURE__ */ new Set(["-u", "-U", "--user", "--proxy-user"]);
    USER_OPTION = /(?<![\w-])(-u|-U|--user|--proxy-user)([ \t]+|=)(['"]?)([^\s:'"]+):([^\s'"]+)/g;
    HEADER = /(?<![\w/.-])([A-Za-z][\w-]*):([ \t]*)([^\r\n'"]*)/g;
    AUTH_SCHEME = /^((?:Bearer|Basic|Digest|Token|Negotiate|NTLM|Bot)\s+)\S/i;
    REFERENCE = /^(["']?)\$\{?\w+\}?\1$/;
  }
});

// src/shared/redact.ts
function isSecretHeader(name) {
  return SECRET_HEADERS.has(name.toLowerCase()) || isSecretName(name);
}
function redactHeader(name, value) {
  return `${name}: ${isSecretHeader(name) ? REDACTED : value}`;
}
function redactUrl(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    return redactSecrets(text);
  }
  if (url.password) url.password = REDACTED;
  else if (url.username) url.username = REDACTED;
  if (url.search) {
    for (const name of new Set(url.searchParams.keys())) {
      if (isSecretName(name)) url.searchParams.set(name, REDACTED);
    }
  }
  return url.href.replaceAll(encodeURIComponent(REDACTED), REDACTED);
}
function redactUserinfo(text) {
  const match = /^([a-z][a-z0-9+.-]*:\/*)([^@]*)@/is.exec(text);
  if (!match) return redactSecrets(text);
  const [, scheme, info] = match;
  const colon = info.indexOf(":");
  const user = colon === -1 ? "" : `${info.slice(0, colon)}:`;
  return `${scheme}${user}${REDACTED}@${text.slice(text.lastIndexOf("@") + 1)}`;
}
function secretsOf(url, headers) {
  const secrets = [];
  for (const [name, value] of headers) {
    if (!isSecretHeader(name)) continue;
    secrets.push(value);
    const token = /^\S+\s+(\S.*)$/.exec(value)?.[1];
    if (token) secrets.push(token);
  }
  try {
    const parsed = new URL(url);
    for (const part of [parsed.password || parsed.username].filter(Boolean))
      secrets.push(part, decodeURIComponent(part));
    if (parsed.search) {
      for (const [name, value] of parsed.searchParams) if (isSecretName(name)) secrets.push(value);
    }
  } catch {
  }
  return secrets;
}
function createRedactor(options = {}) {
  const extra = (options.extra ?? []).filter((value) => value !== "");
  return redactorOf([...extra, ...environmentSecrets(options.env ?? {})]);
}
function redactorOf(known) {
  const values = [...new Set(known)].sort((a, b) => b.length - a.length);
  const hide = (text) => values.reduce((out, secret) => out.replaceAll(secret, REDACTED), text);
  const redact = (text) => redactSecrets(hide(text));
  return Object.assign(redact, {
    url: (text) => hide(redactUrl(text)),
    header: (name, value) => hide(redactHeader(name, redactSecrets(value))),
    argv: (args) => args.map((arg, i) => {
      const previous = args[i - 1] ?? "";
      if (HEADER_FLAGS.has(previous)) return redact(arg.replace(/^([^:]+):.*$/s, maskHeader));
      if (USER_FLAGS.has(previous)) return redact(arg.replace(/:.*$/s, `:${REDACTED}`));
      if (/^--?[A-Za-z][\w.-]*$/.test(previous) && isSecretName(previous) && !arg.startsWith("--"))
        return REDACTED;
      return redact(arg);
    }),
    with: (more) => redactorOf([...values, ...more.filter((value) => value.length >= MIN_FOUND_SECRET_LENGTH)])
  });
}
function maskHeader(all, name) {
  return isSecretHeader(name.trim()) ? `${name}: ${REDACTED}` : all;
}
var SECRET_HEADERS, HEADER_FLAGS, MIN_FOUND_SECRET_LENGTH;
var init_redact = __esm({
  "src/shared/redact.ts"() {
    "use strict";
    init_redact_text();
    init_secret_names();
    SECRET_HEADERS = /* @__PURE__ */ new Set(["authorization", "proxy-authorization", "cookie", "set-cookie"]);
    HEADER_FLAGS = /* @__PURE__ */ new Set(["-H", "--header", "--proxy-header"]);
    MIN_FOUND_SECRET_LENGTH = 4;
  }
});

// src/store/location.ts
function resolveStateLocation(value, env2 = process.env, isDirectory = existingDirectory) {
  if (value === void 0 || value === "") return defaultLocation(env2, isDirectory);
  if (REDIS_URL.test(value)) return parseRedisUrl(value);
  if (OTHER_URL.test(value))
    throw invalidValue(
      "--state",
      redactUserinfo(value),
      "expected a directory or redis://host:port[/db]"
    );
  try {
    return { kind: "file", dir: (0, import_node_path4.resolve)(value) };
  } catch {
    throw invalidValue(
      "--state",
      value,
      "a relative directory, but the current directory no longer exists; give an absolute path"
    );
  }
}
function defaultLocation(env2, isDirectory) {
  const xdg = env2.XDG_STATE_HOME;
  if (xdg && (0, import_node_path4.isAbsolute)(xdg)) return { kind: "file", dir: (0, import_node_path4.join)(xdg, "retry-run") };
  const isHome = (dir) => !!dir && (0, import_node_path4.isAbsolute)(dir) && isDirectory(dir);
  const account = isHome(env2.HOME) ? void 0 : accountHome();
  const home = isHome(env2.HOME) ? env2.HOME : isHome(account) ? account : void 0;
  if (home) return { kind: "file", dir: (0, import_node_path4.join)(home, ".local", "state", "retry-run") };
  return {
    kind: "unavailable",
    reason: `no state directory: HOME ('${env2.HOME ?? ""}') is not an existing directory; give --state <dir> or set XDG_STATE_HOME`
  };
}
function accountHome() {
  try {
    return (0, import_node_os3.userInfo)().homedir;
  } catch {
    return void 0;
  }
}
function existingDirectory(path) {
  try {
    return (0, import_node_fs3.statSync)(path).isDirectory();
  } catch {
    return false;
  }
}
function parseRedisUrl(value) {
  const fail = () => invalidValue(
    "--state",
    redactUserinfo(value),
    "expected redis://[user:password@]host[:port][/db]"
  );
  let url;
  try {
    url = new URL(value);
  } catch {
    throw fail();
  }
  const db = url.pathname.replace(/^\//, "");
  if (url.hostname === "" || db !== "" && !/^\d{1,5}$/.test(db) || url.search || url.hash)
    throw fail();
  return { kind: "redis", url: value, display: redactUrl(value) };
}
var import_node_fs3, import_node_os3, import_node_path4, REDIS_URL, OTHER_URL;
var init_location = __esm({
  "src/store/location.ts"() {
    "use strict";
    import_node_fs3 = require("node:fs");
    import_node_os3 = require("node:os");
    import_node_path4 = require("node:path");
    init_errors();
    init_redact();
    REDIS_URL = /^rediss?:\/\//i;
    OTHER_URL = /^[a-z][a-z0-9+.-]*:\/\//i;
  }
});

// src/config/budget.ts
function normalizeBudget(raw) {
  if (raw.budget === void 0) {
    const orphan = raw.budgetTokens !== void 0 ? "--budget-tokens" : raw.budgetRatio !== void 0 ? "--budget-ratio" : void 0;
    if (orphan) throw new UsageError(`${orphan}: only applies with --budget <name>`);
    return void 0;
  }
  const ratio = raw.budgetRatio === void 0 ? DEFAULTS.budgetRatio : parseNumberAbove(raw.budgetRatio, "--budget-ratio", 0);
  if (ratio > 1e3) throw invalidValue("--budget-ratio", raw.budgetRatio, "expected at most 1000");
  return Object.freeze({
    name: checkBreakerName(raw.budget, "--budget"),
    maxTokens: raw.budgetTokens === void 0 ? DEFAULTS.budgetTokens : parseInteger(raw.budgetTokens, "--budget-tokens", 1, 1e6),
    ratio
  });
}
var init_budget = __esm({
  "src/config/budget.ts"() {
    "use strict";
    init_errors();
    init_breaker();
    init_defaults();
    init_numbers();
  }
});

// src/config/http.ts
function rejectHttpFlags(raw) {
  const given = HTTP_ONLY_FLAGS.find(([key]) => raw[key] !== void 0 && raw[key] !== false);
  if (given) throw new UsageError(`${given[1]}: works in HTTP mode only (give a URL to request)`);
}
function normalizeHttpConfig(raw, rawUrl, redact = createRedactor()) {
  if (raw.data !== void 0 && raw.json !== void 0) {
    throw new UsageError("--data and --json cannot be used together");
  }
  const { url, basicAuth } = splitCredentials(rawUrl, redact);
  const headers = (raw.header ?? []).map(parseHeader);
  const has = (name) => headers.some(([n]) => n.toLowerCase() === name);
  const bodyText = raw.data ?? raw.json;
  const body = bodyText === void 0 ? void 0 : parseBody(bodyText, raw.data ? "--data" : "--json");
  if (basicAuth && !has("authorization")) headers.push(["Authorization", basicAuth]);
  if (raw.json !== void 0) {
    if (!has("content-type")) headers.push(["Content-Type", "application/json"]);
    if (!has("accept")) headers.push(["Accept", "application/json"]);
  } else if (body && !has("content-type")) {
    headers.push(["Content-Type", "application/x-www-form-urlencoded"]);
  }
  const method = parseMethod(raw.method, body !== void 0);
  const idempotencyKey = parseIdempotencyKey(raw.idempotencyKey);
  if (idempotencyKey !== void 0) {
    if (has("idempotency-key"))
      throw new UsageError("--idempotency-key: the request already has an Idempotency-Key header");
    headers.push(["Idempotency-Key", idempotencyKey]);
  }
  const secrets = secretsOf(rawUrl, headers);
  return Object.freeze({
    method,
    url,
    headers: Object.freeze(headers),
    ...body ? { body } : {},
    // `-o -` is stdout, as curl's.
    ...raw.output === void 0 || raw.output === "-" ? {} : { output: parsePath(raw.output, "--output") },
    ...raw.connectTimeout === void 0 ? {} : { connectTimeoutMs: positiveDuration(raw.connectTimeout, "--connect-timeout") },
    // 0 turns it off. Both transports honour any duration (undici counts ticks; Node's checks
    // the clock when its timer fires).
    idleTimeoutMs: raw.idleTimeout === void 0 ? DEFAULTS.idleTimeoutMs : parseDuration(raw.idleTimeout, "--idle-timeout"),
    insecure: raw.insecure ?? false,
    ...raw.cacert === void 0 ? {} : { cacert: parsePath(raw.cacert, "--cacert") },
    maxRedirects: raw.maxRedirs === void 0 ? DEFAULTS.maxRedirects : parseInteger(raw.maxRedirs, "--max-redirs", 0, 100),
    locationTrusted: raw.locationTrusted ?? false,
    expect: parseStatuses(raw.expect ?? DEFAULTS.expect, "--expect"),
    ...raw.expectBody === void 0 ? {} : { expectBody: parseRegexOption(raw.expectBody, "--expect-body", { bare: true }) },
    retryable: IDEMPOTENT_METHODS.has(method) || has("idempotency-key") || (raw.retryUnsafe ?? false),
    description: `${method} ${redact.url(rawUrl)}`,
    secrets: Object.freeze(secrets)
  });
}
function describeHeaders(http, redact) {
  return http.headers.map(([name, value]) => redact.header(name, value));
}
function parseStatuses(text, flag) {
  return text.split(",").map((part) => {
    const token = part.trim();
    const single = /^([1-5]\d\d)$/.exec(token);
    if (single) return { min: Number(single[1]), max: Number(single[1]) };
    const klass = /^([1-5])xx$/i.exec(token);
    if (klass) return { min: Number(klass[1]) * 100, max: Number(klass[1]) * 100 + 99 };
    const range = /^([1-5]\d\d)-([1-5]\d\d)$/.exec(token);
    if (range && Number(range[1]) <= Number(range[2])) {
      return { min: Number(range[1]), max: Number(range[2]) };
    }
    throw invalidValue(flag, text, "expected statuses such as 200, 2xx, 200-299 or 2xx,304");
  });
}
function parseHeader(text) {
  if (/[\r\n\0]/.test(text)) {
    throw new UsageError("--header: a header cannot hold a line break (CR or LF) or a NUL byte");
  }
  const match = HEADER2.exec(text);
  const name = match?.[1]?.trim() ?? "";
  if (!match || !TOKEN.test(name)) {
    throw invalidValue("--header", text, "expected 'Name: value'");
  }
  return [name, match[2]];
}
function parseMethod(text, hasBody) {
  if (text === void 0) return hasBody ? "POST" : "GET";
  if (!TOKEN.test(text))
    throw invalidValue("--method", text, "expected a method such as GET or POST");
  return text.toUpperCase();
}
function parseBody(text, flag) {
  if (text === "@-") return { kind: "stdin" };
  if (text.startsWith("@")) return { kind: "file", path: parsePath(text.slice(1), flag), flag };
  return { kind: "text", text };
}
function parseIdempotencyKey(text) {
  if (text === void 0) return void 0;
  if (text === "auto") return process.getBuiltinModule("node:crypto").randomUUID();
  if (text.trim() === "" || /[\r\n\0]/.test(text)) {
    throw invalidValue("--idempotency-key", text, "expected a key or 'auto'");
  }
  return text;
}
function parsePath(text, flag) {
  if (text.trim() === "") throw invalidValue(flag, text, "expected a file name");
  return text;
}
function splitCredentials(text, redact) {
  let url;
  try {
    url = new URL(text);
  } catch {
    throw invalidValue("url", redact(redactUserinfo(text)), "expected a valid http(s) URL");
  }
  if (!url.username && !url.password) return { url: url.href };
  const credentials = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  url.username = "";
  url.password = "";
  return { url: url.href, basicAuth: `Basic ${Buffer.from(credentials).toString("base64")}` };
}
var IDEMPOTENT_METHODS, TOKEN, HEADER2, HTTP_ONLY_FLAGS;
var init_http = __esm({
  "src/config/http.ts"() {
    "use strict";
    init_errors();
    init_redact();
    init_defaults();
    init_duration();
    init_regex_option();
    init_numbers();
    IDEMPOTENT_METHODS = /* @__PURE__ */ new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"]);
    TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
    HEADER2 = /^([^:]*):[ \t]*(.*?)[ \t]*$/s;
    HTTP_ONLY_FLAGS = [
      ["method", "--method"],
      ["header", "--header"],
      ["data", "--data"],
      ["json", "--json"],
      ["output", "--output"],
      ["connectTimeout", "--connect-timeout"],
      ["idleTimeout", "--idle-timeout"],
      ["insecure", "--insecure"],
      ["cacert", "--cacert"],
      ["maxRedirs", "--max-redirs"],
      ["locationTrusted", "--location-trusted"],
      ["expect", "--expect"],
      ["expectBody", "--expect-body"],
      ["idempotencyKey", "--idempotency-key"],
      ["retryUnsafe", "--retry-unsafe"]
    ];
  }
});

// src/runners/command/stdin-replay.ts
var import_node_fs4, import_node_os4, import_node_path5, import_node_stream, STDIN_MEMORY_LIMIT, StdinReplay;
var init_stdin_replay = __esm({
  "src/runners/command/stdin-replay.ts"() {
    "use strict";
    import_node_fs4 = require("node:fs");
    import_node_os4 = require("node:os");
    import_node_path5 = require("node:path");
    import_node_stream = require("node:stream");
    STDIN_MEMORY_LIMIT = 1024 * 1024;
    StdinReplay = class {
      constructor(source) {
        this.source = source;
      }
      source;
      memory = [];
      recordedBytes = 0;
      spool;
      sourceEnded = false;
      recordingFailure;
      recordMore = true;
      listening = false;
      /** The attempt's stdin while it is fed live data. */
      live;
      feeding;
      removeSpoolAtExit = () => this.removeSpool();
      /**
       * Feeds an attempt's stdin: what was recorded so far, then the live rest of our stdin.
       * `recordMore` is false for the last attempt: nothing comes after it to replay to.
       */
      attach(target, recordMore = true) {
        this.detach();
        this.recordMore = recordMore;
        target.on("error", () => {
        });
        const feeding = { target };
        this.feeding = feeding;
        if (this.recordedBytes === 0) return this.goLive(target);
        const replay = this.recording();
        feeding.replay = replay;
        replay.once("end", () => {
          if (this.feeding === feeding) this.goLive(target);
        });
        replay.on("error", () => target.destroy());
        replay.pipe(target, { end: false });
      }
      /** Stops feeding the current attempt (it has exited); our stdin is paused until the next. */
      detach() {
        if (!this.feeding) return;
        const { target, replay } = this.feeding;
        this.feeding = void 0;
        this.live = void 0;
        if (this.listening) this.source.pause();
        replay?.unpipe(target);
        replay?.destroy();
        target.destroy();
      }
      /**
       * Lets go of our stdin (paused and without our listeners it keeps no process alive, and a
       * library's host may still read it) and removes the spool file.
       */
      close() {
        this.detach();
        this.source.removeListener("data", this.onData);
        this.source.removeListener("end", this.onEnd);
        this.source.removeListener("error", this.onEnd);
        this.source.pause();
        this.removeSpool();
      }
      goLive(target) {
        if (this.sourceEnded) {
          target.end();
          return;
        }
        this.live = target;
        if (!this.listening) {
          this.listening = true;
          this.source.on("data", this.onData);
          this.source.once("end", this.onEnd);
          this.source.once("error", this.onEnd);
        }
        this.source.resume();
      }
      onData = (chunk) => {
        this.record(chunk);
        const target = this.live;
        if (target && !target.write(chunk)) {
          this.source.pause();
          target.once("drain", () => {
            if (this.live === target) this.source.resume();
          });
        }
      };
      onEnd = () => {
        this.sourceEnded = true;
        this.live?.end();
      };
      /**
       * Why the input could not be recorded (no room in `$TMPDIR`, or none), if it could not: the
       * attempt being fed goes on with the live input, but no later attempt can be given the same.
       */
      get failure() {
        return this.recordingFailure;
      }
      record(chunk) {
        if (!this.recordMore || this.recordingFailure) return;
        this.recordedBytes += chunk.length;
        try {
          if (!this.spool && this.recordedBytes > STDIN_MEMORY_LIMIT) this.moveToSpool();
          if (this.spool) (0, import_node_fs4.writeSync)(this.spool.fd, chunk);
          else this.memory.push(chunk);
        } catch (error) {
          this.recordingFailure = `its stdin could not be recorded for a replay in ${(0, import_node_os4.tmpdir)()}: ${error.message}`;
          this.memory.splice(0);
          this.removeSpool();
        }
      }
      moveToSpool() {
        const dir = (0, import_node_fs4.mkdtempSync)((0, import_node_path5.join)((0, import_node_os4.tmpdir)(), "retry-run-stdin-"));
        const path = (0, import_node_path5.join)(dir, "stdin");
        this.spool = { dir, path, fd: -1 };
        process.once("exit", this.removeSpoolAtExit);
        this.spool.fd = (0, import_node_fs4.openSync)(path, "w", 384);
        for (const buffered of this.memory.splice(0)) (0, import_node_fs4.writeSync)(this.spool.fd, buffered);
      }
      /** The bytes recorded so far, as a stream. */
      recording() {
        if (!this.spool) return import_node_stream.Readable.from(this.memory.slice(), { objectMode: false });
        return (0, import_node_fs4.createReadStream)(this.spool.path, { start: 0, end: this.recordedBytes - 1 });
      }
      removeSpool() {
        if (!this.spool) return;
        const { dir, fd } = this.spool;
        this.spool = void 0;
        process.removeListener("exit", this.removeSpoolAtExit);
        try {
          if (fd >= 0) (0, import_node_fs4.closeSync)(fd);
        } catch {
        }
        (0, import_node_fs4.rmSync)(dir, { recursive: true, force: true });
      }
    };
  }
});

// src/runners/command/stdin-source.ts
function createStdinSource(mode) {
  if (mode === "none" || isEmptyInput()) {
    return { stdioFor: () => "ignore", terminal: false, ...FIXED };
  }
  if ((0, import_node_tty2.isatty)(0)) return { stdioFor: () => "inherit", terminal: true, ...FIXED };
  let replay;
  return {
    // A run of one attempt replays nothing: it gets our stdin itself.
    stdioFor: ({ maxAttempts }) => maxAttempts === 1 ? "inherit" : "pipe",
    terminal: false,
    attach: (target, { attempt, maxAttempts }) => (replay ??= new StdinReplay(process.stdin)).attach(target, attempt < maxAttempts),
    detach: () => replay?.detach(),
    close: () => replay?.close(),
    replayFailure: () => replay?.failure
  };
}
function isEmptyInput() {
  let stdin;
  try {
    stdin = (0, import_node_fs5.fstatSync)(0);
  } catch {
    return true;
  }
  if (!stdin.isCharacterDevice()) return false;
  try {
    return stdin.rdev === (0, import_node_fs5.statSync)("/dev/null").rdev;
  } catch {
    return false;
  }
}
var import_node_fs5, import_node_tty2, STDIN_MODES, FIXED;
var init_stdin_source = __esm({
  "src/runners/command/stdin-source.ts"() {
    "use strict";
    import_node_fs5 = require("node:fs");
    import_node_tty2 = require("node:tty");
    init_stdin_replay();
    STDIN_MODES = ["auto", "none"];
    FIXED = { attach() {
    }, detach() {
    }, close() {
    }, replayFailure: () => void 0 };
  }
});

// src/shared/evidence.ts
function lineAround(text, index) {
  const start = text.lastIndexOf("\n", index - 1) + 1;
  const newline = text.indexOf("\n", index);
  const line = text.slice(start, newline === -1 ? void 0 : newline).trim();
  return line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 3)}...` : line;
}
function foundIn(stream, line) {
  return `in ${stream}: '${line}'`;
}
var MAX_LINE;
var init_evidence = __esm({
  "src/shared/evidence.ts"() {
    "use strict";
    MAX_LINE = 160;
  }
});

// src/engine/tool-defaults.ts
function classifyByToolDefault(result) {
  const tool = result.knownTool;
  if (!tool) return void 0;
  const status = result.reportedStatus;
  const reason = status === void 0 ? `exit:${result.exitCode}` : `status:${status}`;
  const evidence = result.failureEvidence ? { evidence: result.failureEvidence } : {};
  if (status !== void 0) {
    const what = tool.says ? `${tool.name} says ${tool.says} (${status})` : `HTTP ${status} from ${tool.name}`;
    return RETRIED_STATUSES.has(status) ? {
      success: false,
      retryable: true,
      reason,
      explanation: `retryable: ${what} is retried by default`,
      ...evidence
    } : {
      success: false,
      retryable: false,
      reason,
      explanation: `not retried: ${what} is permanent ${HINT}`,
      ...evidence
    };
  }
  if (!tool.permanent) return void 0;
  const words = tool.says ?? tool.permanent;
  return {
    success: false,
    retryable: false,
    reason,
    explanation: `not retried: ${tool.name} says ${words}: permanent (${tool.permanent}) ${HINT}`,
    ...evidence
  };
}
var RETRIED_STATUSES, HINT;
var init_tool_defaults = __esm({
  "src/engine/tool-defaults.ts"() {
    "use strict";
    init_conditions();
    init_defaults();
    RETRIED_STATUSES = new Set(
      parseConditions(DEFAULTS.httpRetryOn, "--retry-on").flatMap(
        (condition) => condition.kind === "status" && condition.min === condition.max ? [condition.min] : []
      )
    );
    HINT = "(--retry-on any retries it)";
  }
});

// src/shared/clock.ts
function setLongTimeout(callback, ms, timers = nodeTimers) {
  let handle;
  const arm = (left) => {
    const step = Math.min(left, MAX_TIMER_MS);
    handle = timers.setTimeout(() => left > step ? arm(left - step) : callback(), step);
  };
  arm(Math.max(0, ms));
  return () => timers.clearTimeout(handle);
}
function nextTurn(callback) {
  const handle = setImmediate(callback);
  return () => clearImmediate(handle);
}
var systemClock, MAX_TIMER_MS, nodeTimers, realSleep;
var init_clock = __esm({
  "src/shared/clock.ts"() {
    "use strict";
    systemClock = { now: () => Date.now() };
    MAX_TIMER_MS = 2 ** 31 - 1;
    nodeTimers = {
      setTimeout: (callback, ms) => setTimeout(callback, ms),
      clearTimeout: (handle) => clearTimeout(handle)
    };
    realSleep = (ms, signal) => new Promise((resolve3) => {
      if (signal?.aborted) return resolve3();
      const done = () => {
        cancel();
        signal?.removeEventListener("abort", done);
        resolve3();
      };
      const cancel = ms > 0 ? setLongTimeout(done, ms) : nextTurn(done);
      signal?.addEventListener("abort", done, { once: true });
    });
  }
});

// src/backoff/random.ts
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = state + 1831565813 >>> 0;
    let t = state;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
var init_random2 = __esm({
  "src/backoff/random.ts"() {
    "use strict";
  }
});

// src/shared/option-values.ts
function wholeNumberOption(name, value, min, max) {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min || value > max) {
    throw invalidOption(name, value, `expected a whole number from ${min} to ${max}`);
  }
  return value;
}
function msOption(name, value, positive = false) {
  const finite = typeof value === "number" && Number.isFinite(value);
  if (!finite || value < 0 || positive && value === 0) {
    const expected2 = positive ? "a number of milliseconds > 0" : "a number of milliseconds >= 0";
    throw invalidOption(name, value, `expected ${expected2}`);
  }
  return value;
}
function numberOption(name, value, above, max) {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= above || value > max) {
    throw invalidOption(name, value, `expected a number greater than ${above}, at most ${max}`);
  }
  return value;
}
function choiceOption(name, value, choices) {
  if (choices.includes(value)) return value;
  throw invalidOption(name, value, `expected one of ${choices.join(", ")}`);
}
function booleanOption(name, value) {
  if (typeof value === "boolean") return value;
  throw invalidOption(name, value, "expected true or false");
}
function functionOption(name, value) {
  if (value === void 0 || typeof value === "function") return value;
  throw invalidOption(name, value, "expected a function");
}
function invalidOption(name, value, expected2) {
  const shown = typeof value === "string" ? `the string '${value}'` : typeof value === "function" ? "a function" : Array.isArray(value) ? "an array" : String(value);
  return new UsageError(`${name}: ${expected2} (got ${shown})`);
}
var init_option_values = __esm({
  "src/shared/option-values.ts"() {
    "use strict";
    init_errors();
  }
});

// src/shared/iso-time.ts
function isoTime(ms) {
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  if (!(year >= 0 && year <= 9999)) return date.toISOString();
  const day = `${pad(year, 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  return `${day}T${time}.${pad(date.getUTCMilliseconds(), 3)}Z`;
}
var pad;
var init_iso_time = __esm({
  "src/shared/iso-time.ts"() {
    "use strict";
    pad = (value, width = 2) => String(value).padStart(width, "0");
  }
});

// src/shared/sha256.ts
function sha256Hex(text) {
  const bytes = Buffer.from(text, "utf8");
  const padded = new Uint8Array(Math.ceil((bytes.length + 9) / 64) * 64);
  padded.set(bytes);
  padded[bytes.length] = 128;
  const view = new DataView(padded.buffer);
  const bits = bytes.length * 8;
  view.setUint32(padded.length - 8, Math.floor(bits / 2 ** 32));
  view.setUint32(padded.length - 4, bits >>> 0);
  const hash = Uint32Array.from(INITIAL);
  const w = new Uint32Array(64);
  for (let block = 0; block < padded.length; block += 64) {
    for (let t = 0; t < 16; t++) w[t] = view.getUint32(block + t * 4);
    for (let t = 16; t < 64; t++) {
      const x = w[t - 15];
      const y = w[t - 2];
      const s0 = (x >>> 7 | x << 25) ^ (x >>> 18 | x << 14) ^ x >>> 3;
      const s1 = (y >>> 17 | y << 15) ^ (y >>> 19 | y << 13) ^ y >>> 10;
      w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    let a = hash[0];
    let b = hash[1];
    let c = hash[2];
    let d = hash[3];
    let e = hash[4];
    let f = hash[5];
    let g = hash[6];
    let h = hash[7];
    for (let t = 0; t < 64; t++) {
      const s1 = (e >>> 6 | e << 26) ^ (e >>> 11 | e << 21) ^ (e >>> 25 | e << 7);
      const t1 = h + s1 + (e & f ^ ~e & g) + ROUND[t] + w[t] | 0;
      const s0 = (a >>> 2 | a << 30) ^ (a >>> 13 | a << 19) ^ (a >>> 22 | a << 10);
      const t2 = s0 + (a & b ^ a & c ^ b & c) | 0;
      h = g;
      g = f;
      f = e;
      e = d + t1 | 0;
      d = c;
      c = b;
      b = a;
      a = t1 + t2 | 0;
    }
    hash[0] = hash[0] + a;
    hash[1] = hash[1] + b;
    hash[2] = hash[2] + c;
    hash[3] = hash[3] + d;
    hash[4] = hash[4] + e;
    hash[5] = hash[5] + f;
    hash[6] = hash[6] + g;
    hash[7] = hash[7] + h;
  }
  let hex = "";
  for (const word of hash) hex += word.toString(16).padStart(8, "0");
  return hex;
}
var INITIAL, ROUND;
var init_sha256 = __esm({
  "src/shared/sha256.ts"() {
    "use strict";
    INITIAL = [
      1779033703,
      3144134277,
      1013904242,
      2773480762,
      1359893119,
      2600822924,
      528734635,
      1541459225
    ];
    ROUND = [
      1116352408,
      1899447441,
      3049323471,
      3921009573,
      961987163,
      1508970993,
      2453635748,
      2870763221,
      3624381080,
      310598401,
      607225278,
      1426881987,
      1925078388,
      2162078206,
      2614888103,
      3248222580,
      3835390401,
      4022224774,
      264347078,
      604807628,
      770255983,
      1249150122,
      1555081692,
      1996064986,
      2554220882,
      2821834349,
      2952996808,
      3210313671,
      3336571891,
      3584528711,
      113926993,
      338241895,
      666307205,
      773529912,
      1294757372,
      1396182291,
      1695183700,
      1986661051,
      2177026350,
      2456956037,
      2730485921,
      2820302411,
      3259730800,
      3345764771,
      3516065817,
      3600352804,
      4094571909,
      275423344,
      430227734,
      506948616,
      659060556,
      883997877,
      958139571,
      1322822218,
      1537002063,
      1747873779,
      1955562222,
      2024104815,
      2227730452,
      2361852424,
      2428436474,
      2756734187,
      3204031479,
      3329325298
    ];
  }
});

// src/report/history-record.ts
function commandIdOf(description) {
  return sha256Hex(description).slice(0, 12);
}
function historyRecordOf(events, name, mode) {
  let at;
  let commandId;
  const failures = {};
  for (const event of events) {
    if (event.event === "start") {
      at = event.time;
      commandId = commandIdOf(event.description);
    }
    if (event.event === "attempt" && !event.classification.success) {
      const reason = event.classification.reason;
      failures[reason] = (failures[reason] ?? 0) + 1;
    }
    if (event.event === "summary") {
      return {
        v: 1,
        name,
        at: at ?? event.time,
        mode,
        outcome: event.outcome,
        attempts: event.attempts,
        elapsedMs: event.elapsedMs,
        waitedMs: event.waitedMs,
        exitCode: event.exitCode,
        failures,
        ...commandId === void 0 ? {} : { commandId }
      };
    }
  }
  return void 0;
}
function isHistoryRecord(value) {
  const r = value;
  return typeof r === "object" && r !== null && typeof r.name === "string" && typeof r.at === "string" && !Number.isNaN(Date.parse(r.at)) && typeof r.outcome === "string" && Number.isFinite(r.attempts) && Number.isFinite(r.waitedMs) && typeof r.failures === "object" && r.failures !== null;
}
var HISTORY_COLLECTION;
var init_history_record = __esm({
  "src/report/history-record.ts"() {
    "use strict";
    init_sha256();
    HISTORY_COLLECTION = "history";
  }
});

// src/report/reporter.ts
function shownWhenQuiet(event) {
  return event.event === "summary" && event.outcome !== "success";
}
function fanOut(reporters) {
  return {
    onEvent: (event) => reporters.forEach((reporter) => reporter.onEvent(event)),
    beforeAttempt: () => reporters.forEach((reporter) => reporter.beforeAttempt?.()),
    close: async () => {
      for (const reporter of reporters) await reporter.close?.();
    }
  };
}
var init_reporter = __esm({
  "src/report/reporter.ts"() {
    "use strict";
  }
});

// src/report/json-lines.ts
function createJsonLinesReporter(sink, options = {}) {
  return {
    onEvent: (event) => {
      if (options.quiet && !shownWhenQuiet(event)) return;
      sink.write(`${JSON.stringify(toJsonEvent(event))}
`);
    }
  };
}
function toJsonEvent(event) {
  const base = { event: event.event, time: event.time };
  switch (event.event) {
    case "start": {
      const { policy } = event;
      return {
        ...base,
        command: event.description,
        maxAttempts: jsonAttempts(event.maxAttempts),
        strategy: policy.strategy,
        baseMs: policy.baseMs,
        capMs: policy.capMs,
        factor: policy.factor,
        ...policy.timeoutMs === void 0 ? {} : { timeoutMs: policy.timeoutMs },
        ...policy.deadlineMs === void 0 ? {} : { deadlineMs: policy.deadlineMs }
      };
    }
    case "attempt": {
      const { result, classification } = event;
      return {
        ...base,
        attempt: event.attempt,
        maxAttempts: jsonAttempts(event.maxAttempts),
        outcome: classification.success ? "success" : "failure",
        retryable: classification.retryable,
        reason: classification.reason,
        ...result.status === void 0 ? { exitCode: result.exitCode } : { status: result.status },
        durationMs: result.durationMs,
        ...result.endedLeftovers ? { endedProcesses: result.endedLeftovers } : {}
      };
    }
    case "wait":
      return { ...base, attempt: event.nextAttempt, delayMs: event.delayMs, source: event.source };
    case "on-retry": {
      const { result } = event;
      return {
        ...base,
        attempt: event.attempt,
        outcome: result.ok ? "success" : "failure",
        exitCode: result.exitCode,
        ...result.signal === void 0 ? {} : { signal: result.signal },
        ...result.timedOut === void 0 ? {} : { timedOut: result.timedOut },
        durationMs: result.durationMs
      };
    }
    case "breaker":
      return {
        ...base,
        name: event.name,
        state: event.state,
        message: event.message,
        ...event.closesAt === void 0 ? {} : { closesAt: event.closesAt }
      };
    case "summary":
      return {
        ...base,
        outcome: event.outcome,
        attempts: event.attempts,
        elapsedMs: event.elapsedMs,
        waitedMs: event.waitedMs,
        exitCode: event.exitCode,
        ...event.reason === void 0 ? {} : { reason: event.reason },
        message: event.message
      };
  }
}
function jsonAttempts(maxAttempts) {
  return Number.isFinite(maxAttempts) ? maxAttempts : null;
}
var init_json_lines = __esm({
  "src/report/json-lines.ts"() {
    "use strict";
    init_reporter();
  }
});

// node_modules/chalk/source/vendor/ansi-styles/index.js
function assembleStyles() {
  const codes = /* @__PURE__ */ new Map();
  for (const [groupName, group] of Object.entries(styles)) {
    for (const [styleName, style] of Object.entries(group)) {
      styles[styleName] = {
        open: `\x1B[${style[0]}m`,
        close: `\x1B[${style[1]}m`
      };
      group[styleName] = styles[styleName];
      codes.set(style[0], style[1]);
    }
    Object.defineProperty(styles, groupName, {
      value: group,
      enumerable: false
    });
  }
  Object.defineProperty(styles, "codes", {
    value: codes,
    enumerable: false
  });
  styles.color.close = "\x1B[39m";
  styles.bgColor.close = "\x1B[49m";
  styles.color.ansi = wrapAnsi16();
  styles.color.ansi256 = wrapAnsi256();
  styles.color.ansi16m = wrapAnsi16m();
  styles.bgColor.ansi = wrapAnsi16(ANSI_BACKGROUND_OFFSET);
  styles.bgColor.ansi256 = wrapAnsi256(ANSI_BACKGROUND_OFFSET);
  styles.bgColor.ansi16m = wrapAnsi16m(ANSI_BACKGROUND_OFFSET);
  Object.defineProperties(styles, {
    rgbToAnsi256: {
      value(red, green, blue) {
        if (red === green && green === blue) {
          if (red < 8) {
            return 16;
          }
          if (red > 248) {
            return 231;
          }
          return Math.round((red - 8) / 247 * 24) + 232;
        }
        return 16 + 36 * Math.round(red / 255 * 5) + 6 * Math.round(green / 255 * 5) + Math.round(blue / 255 * 5);
      },
      enumerable: false
    },
    hexToRgb: {
      value(hex) {
        const matches = /[a-f\d]{6}|[a-f\d]{3}/i.exec(hex.toString(16));
        if (!matches) {
          return [0, 0, 0];
        }
        let [colorString] = matches;
        if (colorString.length === 3) {
          colorString = [...colorString].map((character) => character + character).join("");
        }
        const integer = Number.parseInt(colorString, 16);
        return [
          /* eslint-disable no-bitwise */
          integer >> 16 & 255,
          integer >> 8 & 255,
          integer & 255
          /* eslint-enable no-bitwise */
        ];
      },
      enumerable: false
    },
    hexToAnsi256: {
      value: (hex) => styles.rgbToAnsi256(...styles.hexToRgb(hex)),
      enumerable: false
    },
    ansi256ToAnsi: {
      value(code) {
        if (code < 8) {
          return 30 + code;
        }
        if (code < 16) {
          return 90 + (code - 8);
        }
        let red;
        let green;
        let blue;
        if (code >= 232) {
          red = ((code - 232) * 10 + 8) / 255;
          green = red;
          blue = red;
        } else {
          code -= 16;
          const remainder = code % 36;
          red = Math.floor(code / 36) / 5;
          green = Math.floor(remainder / 6) / 5;
          blue = remainder % 6 / 5;
        }
        const value = Math.max(red, green, blue) * 2;
        if (value === 0) {
          return 30;
        }
        let result = 30 + (Math.round(blue) << 2 | Math.round(green) << 1 | Math.round(red));
        if (value === 2) {
          result += 60;
        }
        return result;
      },
      enumerable: false
    },
    rgbToAnsi: {
      value: (red, green, blue) => styles.ansi256ToAnsi(styles.rgbToAnsi256(red, green, blue)),
      enumerable: false
    },
    hexToAnsi: {
      value: (hex) => styles.ansi256ToAnsi(styles.hexToAnsi256(hex)),
      enumerable: false
    }
  });
  return styles;
}
var ANSI_BACKGROUND_OFFSET, wrapAnsi16, wrapAnsi256, wrapAnsi16m, styles, modifierNames, foregroundColorNames, backgroundColorNames, colorNames, ansiStyles, ansi_styles_default;
var init_ansi_styles = __esm({
  "node_modules/chalk/source/vendor/ansi-styles/index.js"() {
    ANSI_BACKGROUND_OFFSET = 10;
    wrapAnsi16 = (offset = 0) => (code) => `\x1B[${code + offset}m`;
    wrapAnsi256 = (offset = 0) => (code) => `\x1B[${38 + offset};5;${code}m`;
    wrapAnsi16m = (offset = 0) => (red, green, blue) => `\x1B[${38 + offset};2;${red};${green};${blue}m`;
    styles = {
      modifier: {
        reset: [0, 0],
        // 21 isn't widely supported and 22 does the same thing
        bold: [1, 22],
        dim: [2, 22],
        italic: [3, 23],
        underline: [4, 24],
        overline: [53, 55],
        inverse: [7, 27],
        hidden: [8, 28],
        strikethrough: [9, 29]
      },
      color: {
        black: [30, 39],
        red: [31, 39],
        green: [32, 39],
        yellow: [33, 39],
        blue: [34, 39],
        magenta: [35, 39],
        cyan: [36, 39],
        white: [37, 39],
        // Bright color
        blackBright: [90, 39],
        gray: [90, 39],
        // Alias of `blackBright`
        grey: [90, 39],
        // Alias of `blackBright`
        redBright: [91, 39],
        greenBright: [92, 39],
        yellowBright: [93, 39],
        blueBright: [94, 39],
        magentaBright: [95, 39],
        cyanBright: [96, 39],
        whiteBright: [97, 39]
      },
      bgColor: {
        bgBlack: [40, 49],
        bgRed: [41, 49],
        bgGreen: [42, 49],
        bgYellow: [43, 49],
        bgBlue: [44, 49],
        bgMagenta: [45, 49],
        bgCyan: [46, 49],
        bgWhite: [47, 49],
        // Bright color
        bgBlackBright: [100, 49],
        bgGray: [100, 49],
        // Alias of `bgBlackBright`
        bgGrey: [100, 49],
        // Alias of `bgBlackBright`
        bgRedBright: [101, 49],
        bgGreenBright: [102, 49],
        bgYellowBright: [103, 49],
        bgBlueBright: [104, 49],
        bgMagentaBright: [105, 49],
        bgCyanBright: [106, 49],
        bgWhiteBright: [107, 49]
      }
    };
    modifierNames = Object.keys(styles.modifier);
    foregroundColorNames = Object.keys(styles.color);
    backgroundColorNames = Object.keys(styles.bgColor);
    colorNames = [...foregroundColorNames, ...backgroundColorNames];
    ansiStyles = assembleStyles();
    ansi_styles_default = ansiStyles;
  }
});

// node_modules/chalk/source/vendor/supports-color/index.js
function hasFlag(flag, argv = globalThis.Deno ? globalThis.Deno.args : import_node_process.default.argv) {
  const prefix = flag.startsWith("-") ? "" : flag.length === 1 ? "-" : "--";
  const position = argv.indexOf(prefix + flag);
  const terminatorPosition = argv.indexOf("--");
  return position !== -1 && (terminatorPosition === -1 || position < terminatorPosition);
}
function envForceColor() {
  if ("FORCE_COLOR" in env) {
    if (env.FORCE_COLOR === "true") {
      return 1;
    }
    if (env.FORCE_COLOR === "false") {
      return 0;
    }
    return env.FORCE_COLOR.length === 0 ? 1 : Math.min(Number.parseInt(env.FORCE_COLOR, 10), 3);
  }
}
function translateLevel(level) {
  if (level === 0) {
    return false;
  }
  return {
    level,
    hasBasic: true,
    has256: level >= 2,
    has16m: level >= 3
  };
}
function _supportsColor(haveStream, { streamIsTTY, sniffFlags = true } = {}) {
  const noFlagForceColor = envForceColor();
  if (noFlagForceColor !== void 0) {
    flagForceColor = noFlagForceColor;
  }
  const forceColor = sniffFlags ? flagForceColor : noFlagForceColor;
  if (forceColor === 0) {
    return 0;
  }
  if (sniffFlags) {
    if (hasFlag("color=16m") || hasFlag("color=full") || hasFlag("color=truecolor")) {
      return 3;
    }
    if (hasFlag("color=256")) {
      return 2;
    }
  }
  if ("TF_BUILD" in env && "AGENT_NAME" in env) {
    return 1;
  }
  if (haveStream && !streamIsTTY && forceColor === void 0) {
    return 0;
  }
  const min = forceColor || 0;
  if (env.TERM === "dumb") {
    return min;
  }
  if (import_node_process.default.platform === "win32") {
    const osRelease = import_node_os5.default.release().split(".");
    if (Number(osRelease[0]) >= 10 && Number(osRelease[2]) >= 10586) {
      return Number(osRelease[2]) >= 14931 ? 3 : 2;
    }
    return 1;
  }
  if ("CI" in env) {
    if (["GITHUB_ACTIONS", "GITEA_ACTIONS", "CIRCLECI"].some((key) => key in env)) {
      return 3;
    }
    if (["TRAVIS", "APPVEYOR", "GITLAB_CI", "BUILDKITE", "DRONE"].some((sign) => sign in env) || env.CI_NAME === "codeship") {
      return 1;
    }
    return min;
  }
  if ("TEAMCITY_VERSION" in env) {
    return /^(9\.(0*[1-9]\d*)\.|\d{2,}\.)/.test(env.TEAMCITY_VERSION) ? 1 : 0;
  }
  if (env.COLORTERM === "truecolor") {
    return 3;
  }
  if (env.TERM === "xterm-kitty") {
    return 3;
  }
  if (env.TERM === "xterm-ghostty") {
    return 3;
  }
  if (env.TERM === "wezterm") {
    return 3;
  }
  if ("TERM_PROGRAM" in env) {
    const version = Number.parseInt((env.TERM_PROGRAM_VERSION || "").split(".")[0], 10);
    switch (env.TERM_PROGRAM) {
      case "iTerm.app": {
        return version >= 3 ? 3 : 2;
      }
      case "Apple_Terminal": {
        return 2;
      }
    }
  }
  if (/-256(color)?$/i.test(env.TERM)) {
    return 2;
  }
  if (/^screen|^xterm|^vt100|^vt220|^rxvt|color|ansi|cygwin|linux/i.test(env.TERM)) {
    return 1;
  }
  if ("COLORTERM" in env) {
    return 1;
  }
  return min;
}
function createSupportsColor(stream, options = {}) {
  const level = _supportsColor(stream, {
    streamIsTTY: stream && stream.isTTY,
    ...options
  });
  return translateLevel(level);
}
var import_node_process, import_node_os5, import_node_tty3, env, flagForceColor, supportsColor, supports_color_default;
var init_supports_color = __esm({
  "node_modules/chalk/source/vendor/supports-color/index.js"() {
    import_node_process = __toESM(require("node:process"), 1);
    import_node_os5 = __toESM(require("node:os"), 1);
    import_node_tty3 = __toESM(require("node:tty"), 1);
    ({ env } = import_node_process.default);
    if (hasFlag("no-color") || hasFlag("no-colors") || hasFlag("color=false") || hasFlag("color=never")) {
      flagForceColor = 0;
    } else if (hasFlag("color") || hasFlag("colors") || hasFlag("color=true") || hasFlag("color=always")) {
      flagForceColor = 1;
    }
    supportsColor = {
      stdout: createSupportsColor({ isTTY: import_node_tty3.default.isatty(1) }),
      stderr: createSupportsColor({ isTTY: import_node_tty3.default.isatty(2) })
    };
    supports_color_default = supportsColor;
  }
});

// node_modules/chalk/source/utilities.js
function stringReplaceAll(string, substring, replacer) {
  let index = string.indexOf(substring);
  if (index === -1) {
    return string;
  }
  const substringLength = substring.length;
  let endIndex = 0;
  let returnValue = "";
  do {
    returnValue += string.slice(endIndex, index) + substring + replacer;
    endIndex = index + substringLength;
    index = string.indexOf(substring, endIndex);
  } while (index !== -1);
  returnValue += string.slice(endIndex);
  return returnValue;
}
function stringEncaseCRLFWithFirstIndex(string, prefix, postfix, index) {
  let endIndex = 0;
  let returnValue = "";
  do {
    const gotCR = string[index - 1] === "\r";
    returnValue += string.slice(endIndex, gotCR ? index - 1 : index) + prefix + (gotCR ? "\r\n" : "\n") + postfix;
    endIndex = index + 1;
    index = string.indexOf("\n", endIndex);
  } while (index !== -1);
  returnValue += string.slice(endIndex);
  return returnValue;
}
var init_utilities = __esm({
  "node_modules/chalk/source/utilities.js"() {
  }
});

// node_modules/chalk/source/index.js
var source_exports = {};
__export(source_exports, {
  Chalk: () => Chalk,
  backgroundColorNames: () => backgroundColorNames,
  backgroundColors: () => backgroundColorNames,
  chalkStderr: () => chalkStderr,
  colorNames: () => colorNames,
  colors: () => colorNames,
  default: () => source_default,
  foregroundColorNames: () => foregroundColorNames,
  foregroundColors: () => foregroundColorNames,
  modifierNames: () => modifierNames,
  modifiers: () => modifierNames,
  supportsColor: () => stdoutColor,
  supportsColorStderr: () => stderrColor
});
function createChalk(options) {
  return chalkFactory(options);
}
var stdoutColor, stderrColor, GENERATOR, STYLER, IS_EMPTY, levelMapping, styles2, applyOptions, Chalk, chalkFactory, getModelAnsi, usedModels, proto, createStyler, createBuilder, applyStyle, chalk, chalkStderr, source_default;
var init_source = __esm({
  "node_modules/chalk/source/index.js"() {
    init_ansi_styles();
    init_supports_color();
    init_utilities();
    init_ansi_styles();
    ({ stdout: stdoutColor, stderr: stderrColor } = supports_color_default);
    GENERATOR = /* @__PURE__ */ Symbol("GENERATOR");
    STYLER = /* @__PURE__ */ Symbol("STYLER");
    IS_EMPTY = /* @__PURE__ */ Symbol("IS_EMPTY");
    levelMapping = [
      "ansi",
      "ansi",
      "ansi256",
      "ansi16m"
    ];
    styles2 = /* @__PURE__ */ Object.create(null);
    applyOptions = (object, options = {}) => {
      if (options.level && !(Number.isInteger(options.level) && options.level >= 0 && options.level <= 3)) {
        throw new Error("The `level` option should be an integer from 0 to 3");
      }
      const colorLevel = stdoutColor ? stdoutColor.level : 0;
      object.level = options.level === void 0 ? colorLevel : options.level;
    };
    Chalk = class {
      constructor(options) {
        return chalkFactory(options);
      }
    };
    chalkFactory = (options) => {
      const chalk2 = (...strings) => strings.join(" ");
      applyOptions(chalk2, options);
      Object.setPrototypeOf(chalk2, createChalk.prototype);
      return chalk2;
    };
    Object.setPrototypeOf(createChalk.prototype, Function.prototype);
    for (const [styleName, style] of Object.entries(ansi_styles_default)) {
      styles2[styleName] = {
        get() {
          const builder = createBuilder(this, createStyler(style.open, style.close, this[STYLER]), this[IS_EMPTY]);
          Object.defineProperty(this, styleName, { value: builder });
          return builder;
        }
      };
    }
    styles2.visible = {
      get() {
        const builder = createBuilder(this, this[STYLER], true);
        Object.defineProperty(this, "visible", { value: builder });
        return builder;
      }
    };
    getModelAnsi = (model2, level, type, ...arguments_) => {
      if (model2 === "rgb") {
        if (level === "ansi16m") {
          return ansi_styles_default[type].ansi16m(...arguments_);
        }
        if (level === "ansi256") {
          return ansi_styles_default[type].ansi256(ansi_styles_default.rgbToAnsi256(...arguments_));
        }
        return ansi_styles_default[type].ansi(ansi_styles_default.rgbToAnsi(...arguments_));
      }
      if (model2 === "hex") {
        return getModelAnsi("rgb", level, type, ...ansi_styles_default.hexToRgb(...arguments_));
      }
      return ansi_styles_default[type][model2](...arguments_);
    };
    usedModels = ["rgb", "hex", "ansi256"];
    for (const model2 of usedModels) {
      styles2[model2] = {
        get() {
          const { level } = this;
          return function(...arguments_) {
            const styler = createStyler(getModelAnsi(model2, levelMapping[level], "color", ...arguments_), ansi_styles_default.color.close, this[STYLER]);
            return createBuilder(this, styler, this[IS_EMPTY]);
          };
        }
      };
      const bgModel = "bg" + model2[0].toUpperCase() + model2.slice(1);
      styles2[bgModel] = {
        get() {
          const { level } = this;
          return function(...arguments_) {
            const styler = createStyler(getModelAnsi(model2, levelMapping[level], "bgColor", ...arguments_), ansi_styles_default.bgColor.close, this[STYLER]);
            return createBuilder(this, styler, this[IS_EMPTY]);
          };
        }
      };
    }
    proto = Object.defineProperties(() => {
    }, {
      ...styles2,
      level: {
        enumerable: true,
        get() {
          return this[GENERATOR].level;
        },
        set(level) {
          this[GENERATOR].level = level;
        }
      }
    });
    createStyler = (open3, close2, parent) => {
      let openAll;
      let closeAll;
      if (parent === void 0) {
        openAll = open3;
        closeAll = close2;
      } else {
        openAll = parent.openAll + open3;
        closeAll = close2 + parent.closeAll;
      }
      return {
        open: open3,
        close: close2,
        openAll,
        closeAll,
        parent
      };
    };
    createBuilder = (self, _styler, _isEmpty) => {
      const builder = (...arguments_) => applyStyle(builder, arguments_.length === 1 ? "" + arguments_[0] : arguments_.join(" "));
      Object.setPrototypeOf(builder, proto);
      builder[GENERATOR] = self;
      builder[STYLER] = _styler;
      builder[IS_EMPTY] = _isEmpty;
      return builder;
    };
    applyStyle = (self, string) => {
      if (self.level <= 0 || !string) {
        return self[IS_EMPTY] ? "" : string;
      }
      let styler = self[STYLER];
      if (styler === void 0) {
        return string;
      }
      const { openAll, closeAll } = styler;
      if (string.includes("\x1B")) {
        while (styler !== void 0) {
          string = stringReplaceAll(string, styler.close, styler.open);
          styler = styler.parent;
        }
      }
      const lfIndex = string.indexOf("\n");
      if (lfIndex !== -1) {
        string = stringEncaseCRLFWithFirstIndex(string, closeAll, openAll, lfIndex);
      }
      return openAll + string + closeAll;
    };
    Object.defineProperties(createChalk.prototype, styles2);
    chalk = createChalk();
    chalkStderr = createChalk({ level: stderrColor ? stderrColor.level : 0 });
    source_default = chalk;
  }
});

// src/report/style.ts
function stderrStyle(env2 = process.env) {
  return styleFor(process.stderr, "stderr", env2);
}
function logStyle(sink, env2 = process.env) {
  return styleFor(sink, "stderr", env2);
}
function stdoutStyle(env2 = process.env) {
  return styleFor(process.stdout, "stdout", env2);
}
async function styleFor(stream, name, env2) {
  if (!wantsColour(stream, env2)) return plainStyle;
  const { Chalk: Chalk2, supportsColor: supportsColor2, supportsColorStderr } = await Promise.resolve().then(() => (init_source(), source_exports));
  const support = name === "stderr" ? supportsColorStderr : supportsColor2;
  return support && support.level > 0 ? new Chalk2({ level: support.level }) : plainStyle;
}
function wantsColour(stream, env2) {
  if (env2.NO_COLOR && !env2.FORCE_COLOR) return false;
  if (env2.FORCE_COLOR !== void 0) return env2.FORCE_COLOR !== "0" && env2.FORCE_COLOR !== "false";
  return Boolean(stream.isTTY) && env2.TERM !== "dumb";
}
var same, plainStyle;
var init_style = __esm({
  "src/report/style.ts"() {
    "use strict";
    same = (text) => text;
    plainStyle = {
      bold: same,
      dim: same,
      red: same,
      green: same,
      yellow: same,
      magenta: same,
      cyan: same
    };
  }
});

// src/report/text.ts
function createTextReporter(options) {
  const { sink, style, quiet = false, verbose = false } = options;
  const prefix = style.dim(`${options.name ?? "retry-run"}:`);
  const line = (text) => sink.write(`${prefix} ${text}
`);
  let countdown;
  const stopCountdown = () => {
    if (!countdown) return;
    clearInterval(countdown.timer);
    sink.write(`\r\x1B[K${prefix} ${countdown.text}
`);
    countdown = void 0;
  };
  return {
    onEvent(event) {
      stopCountdown();
      if (quiet && !shownWhenQuiet(event)) return;
      switch (event.event) {
        case "start":
          if (verbose) line(`running ${event.description} (${describePolicy(event.policy)})`);
          if (!Number.isFinite(event.maxAttempts) && event.policy.deadlineMs === void 0) {
            line(
              "--max inf without --deadline: only success, a stop condition or a signal ends this run"
            );
          }
          break;
        case "attempt":
          line(describeAttempt(event, style, verbose));
          if (event.result.endedLeftovers) line(describeLeftovers(event.result.endedLeftovers));
          if (verbose) showTails(event, line, style, options.tailLines ?? 10);
          if (verbose) showBodySnippet(event, line, style, options.tailLines ?? 10);
          break;
        case "wait": {
          const why = event.source === "server" ? " (asked by the server)" : event.source === "stagger" ? " (--stagger)" : "";
          const text = `waiting ${formatDuration(event.delayMs)} before attempt ${event.nextAttempt}${why}`;
          if (sink.isTTY && event.delayMs >= 1e3) {
            const endsAt = Date.now() + event.delayMs;
            const render = () => {
              const left = Math.max(0, endsAt - Date.now());
              sink.write(
                `\r\x1B[K${prefix} ${text} ${style.dim(`(${formatDuration(left)} left, Ctrl-C to stop)`)}`
              );
            };
            render();
            countdown = { timer: setInterval(render, COUNTDOWN_TICK_MS).unref(), text };
          } else {
            line(text);
          }
          break;
        }
        case "on-retry":
          if (!event.result.ok) line(style.yellow(`warning: ${describeHookFailure(event)}`));
          else if (verbose)
            line(`--on-retry succeeded (${formatDuration(event.result.durationMs)})`);
          break;
        case "breaker":
          line(`${style.magenta(`breaker '${event.name}' is ${event.state}`)}: ${event.message}`);
          break;
        case "summary":
          line(describeSummary(event, style));
          if (event.outcome !== "success" && !verbose) {
            showTails({ result: event.lastResult }, line, style, options.tailLines ?? 10);
          }
          break;
      }
    },
    close: stopCountdown,
    beforeAttempt: stopCountdown
  };
}
function describePolicy(policy) {
  const parts = [
    `strategy ${policy.strategy}`,
    `max ${attemptCount(policy.maxAttempts)} attempt${policy.maxAttempts === 1 ? "" : "s"}`,
    `base ${formatDuration(policy.baseMs)}`,
    `cap ${formatDuration(policy.capMs)}`,
    `factor ${policy.factor}`
  ];
  if (policy.seed !== void 0) parts.push(`seed ${policy.seed}`);
  if (policy.timeoutMs !== void 0) parts.push(`timeout ${formatDuration(policy.timeoutMs)}`);
  if (policy.deadlineMs !== void 0) parts.push(`deadline ${formatDuration(policy.deadlineMs)}`);
  if (policy.staggerMs !== void 0) parts.push(`stagger ${formatDuration(policy.staggerMs)}`);
  return parts.join(", ");
}
function describeLeftovers(count) {
  return `ended ${count} process${count === 1 ? "" : "es"} the attempt left running`;
}
function attemptCount(maxAttempts) {
  return Number.isFinite(maxAttempts) ? String(maxAttempts) : "\u221E";
}
function describeHookFailure({ attempt, result }) {
  const how = result.timedOut ? `was ended by the ${result.timedOut === "deadline" ? "deadline" : "--timeout"}` : result.signal ? `was killed by ${result.signal}` : `failed (exit ${result.exitCode})`;
  const message2 = result.message ? `: ${result.message}` : "";
  return `--on-retry after attempt ${attempt} ${how}${message2}; going on`;
}
function describeAttempt(event, style, verbose) {
  const { result, classification } = event;
  const counter = `attempt ${event.attempt}/${attemptCount(event.maxAttempts)}`;
  const took = formatDuration(result.durationMs);
  if (classification.success) {
    const detail = verbose || classification.evidence ? `; ${classification.explanation}` : "";
    return `${counter} ${style.green("succeeded")} (${took})${detail}`;
  }
  const what = describeFailure(event);
  const message2 = result.message ? `: ${result.message}` : "";
  const verdict = classification.retryable ? verbose || classification.evidence ? `; ${classification.explanation}` : "" : `; ${style.bold(classification.explanation)}`;
  return `${counter} ${style.red("failed")} (${what}, ${took})${message2}${verdict}`;
}
function describeFailure({ result, classification }) {
  if (result.timedOut === "deadline") return "ended by the deadline";
  if (result.timedOut) return "timed out";
  if (result.signal) return `killed by ${result.signal}`;
  if (result.status !== void 0) return `HTTP ${result.status}`;
  if (result.reportedStatus !== void 0)
    return `exit ${result.exitCode}, HTTP ${result.reportedStatus}`;
  if (result.failureClass === "timeout") return `exit ${result.exitCode}, timed out`;
  if (classification.reason.startsWith("connection")) return classification.reason;
  if (classification.reason === "until") return "exit 0, --until not matched";
  return `exit ${result.exitCode}`;
}
function describeSummary(event, style) {
  const attempts = `${event.attempts} attempt${event.attempts === 1 ? "" : "s"}`;
  const times = `in ${formatDuration(event.elapsedMs)}, waited ${formatDuration(event.waitedMs)}`;
  if (event.outcome === "success") {
    return `${style.green("\u2714 succeeded")} after ${attempts} ${style.dim(`(${times})`)}`;
  }
  const last = event.reason ? `; last failure: ${event.reason}` : "";
  return `${style.red(`\u2716 ${event.outcome}`)}: ${event.message} (${attempts}, ${times})${last}; exit code ${event.exitCode}`;
}
function showTails(event, line, style, count) {
  for (const stream of ["stdout", "stderr"]) {
    const tail = stream === "stdout" ? event.result?.stdoutTail : event.result?.stderrTail;
    const lines = tail?.trimEnd().split("\n").slice(-count) ?? [];
    if (lines.length === 0 || lines[0] === "") continue;
    line(style.dim(`last ${lines.length} line(s) of ${stream}:`));
    for (const text of lines) line(style.dim(`  | ${text}`));
  }
}
function showBodySnippet(event, line, style, count) {
  const snippet = event.result.bodySnippet?.trimEnd();
  if (!snippet || event.classification.success) return;
  const lines = snippet.split("\n");
  line(style.dim(`response body${lines.length > count ? ` (first ${count} lines)` : ""}:`));
  for (const text of lines.slice(0, count)) line(style.dim(`  | ${text}`));
}
var COUNTDOWN_TICK_MS;
var init_text = __esm({
  "src/report/text.ts"() {
    "use strict";
    init_duration();
    init_reporter();
    COUNTDOWN_TICK_MS = 100;
  }
});

// src/cli/streams.ts
function ignoreClosedPipes(stream) {
  if (!guarded.has(stream)) {
    stream.on("error", () => {
    });
    guarded.add(stream);
  }
  return stream;
}
function stdout() {
  return ignoreClosedPipes(process.stdout);
}
function guardStderrWhenUsed() {
  const nodes = Object.getOwnPropertyDescriptor(process, "stderr");
  if (!nodes?.get || !nodes.configurable) {
    ignoreClosedPipes(process.stderr);
    return;
  }
  stderrMade = false;
  Object.defineProperty(process, "stderr", {
    configurable: true,
    enumerable: nodes.enumerable ?? true,
    get() {
      Object.defineProperty(process, "stderr", nodes);
      stderrMade = true;
      return ignoreClosedPipes(process.stderr);
    }
  });
}
function writeStderr(text) {
  if (stderrMade) {
    process.stderr.write(text);
    return;
  }
  const bytes = Buffer.from(text);
  let written = 0;
  try {
    while (written < bytes.length) written += (0, import_node_fs6.writeSync)(2, bytes, written);
    return;
  } catch (error) {
    if (error.code !== "EAGAIN") return;
  }
  process.stderr.write(bytes.subarray(written));
}
var import_node_fs6, guarded, stderrMade;
var init_streams = __esm({
  "src/cli/streams.ts"() {
    "use strict";
    import_node_fs6 = require("node:fs");
    guarded = /* @__PURE__ */ new WeakSet();
    stderrMade = true;
  }
});

// src/report/report-file.ts
var report_file_exports = {};
__export(report_file_exports, {
  REPORT_SCHEMA_VERSION: () => REPORT_SCHEMA_VERSION,
  buildReport: () => buildReport,
  createReportFileReporter: () => createReportFileReporter
});
function createReportFileReporter(context) {
  const events = [];
  return {
    onEvent: (event) => void events.push(event),
    async close() {
      const report = buildReport(events, context);
      if (!report) return;
      try {
        await writeOutputFile(context.path, `${JSON.stringify(report, null, 2)}
`);
      } catch (error) {
        context.warn(`could not write the report ${context.path}: ${error.message}`);
      }
    }
  };
}
function buildReport(events, context) {
  const start = events.find((e) => e.event === "start");
  const summary = events.find((e) => e.event === "summary");
  if (!start || !summary) return void 0;
  const attempts = [];
  const breaker = [];
  let stagger = null;
  for (const event of events) {
    if (event.event === "attempt") attempts.push(toReportAttempt(event));
    if (event.event === "wait") {
      const { delayMs, source } = event;
      if (source === "stagger") stagger = { delayMs };
      else if (attempts.length > 0) attempts[attempts.length - 1].waitAfter = { delayMs, source };
    }
    if (event.event === "on-retry" && attempts.length > 0) {
      const { ok, exitCode, timedOut: timedOut2, durationMs } = event.result;
      attempts[attempts.length - 1].onRetry = {
        outcome: ok ? "success" : "failure",
        exitCode,
        timedOut: timedOut2 ?? null,
        durationMs
      };
    }
    if (event.event === "breaker") {
      const { time, name, state, message: message2 } = event;
      breaker.push({ time, name, state, message: message2 });
    }
  }
  const { policy } = start;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: "retry-run", version: context.version },
    name: context.name,
    mode: context.mode,
    target: start.description,
    startedAt: start.time,
    endedAt: summary.time,
    policy: {
      strategy: policy.strategy,
      maxAttempts: jsonAttempts(policy.maxAttempts),
      baseMs: policy.baseMs,
      capMs: policy.capMs,
      factor: policy.factor,
      seed: policy.seed ?? null,
      timeoutMs: policy.timeoutMs ?? null,
      killAfterMs: policy.killAfterMs,
      deadlineMs: policy.deadlineMs ?? null,
      serverWait: policy.serverWait,
      maxServerWaitMs: policy.maxServerWaitMs,
      ...context.conditions
    },
    request: context.request ?? null,
    attempts,
    breaker,
    stagger,
    summary: {
      outcome: summary.outcome,
      attempts: summary.attempts,
      elapsedMs: summary.elapsedMs,
      waitedMs: summary.waitedMs,
      exitCode: summary.exitCode,
      reason: summary.reason ?? null,
      message: summary.message
    }
  };
}
function toReportAttempt(event) {
  const { result, classification } = event;
  return {
    attempt: event.attempt,
    startedAt: event.startedAt,
    endedAt: event.time,
    durationMs: result.durationMs,
    outcome: classification.success ? "success" : "failure",
    retryable: classification.retryable,
    reason: classification.reason,
    classification: classification.explanation,
    exitCode: result.exitCode,
    signal: result.signal ?? null,
    status: result.status ?? null,
    timedOut: result.timedOut ?? null,
    message: result.message ?? null,
    waitAfter: null,
    onRetry: null
  };
}
var REPORT_SCHEMA_VERSION;
var init_report_file = __esm({
  "src/report/report-file.ts"() {
    "use strict";
    init_output_target();
    init_json_lines();
    REPORT_SCHEMA_VERSION = 1;
  }
});

// src/report/github-output.ts
var github_output_exports = {};
__export(github_output_exports, {
  createGitHubOutputReporter: () => createGitHubOutputReporter
});
function createGitHubOutputReporter(options) {
  let summary;
  return {
    onEvent(event) {
      if (event.event === "summary") summary = event;
    },
    async close() {
      if (!summary) return;
      const lines = `attempts=${summary.attempts}
exit-code=${summary.exitCode}
outcome=${summary.outcome}
`;
      try {
        await writeOutputFile(options.path, lines, { append: true });
      } catch (error) {
        options.warn(
          `could not append to GITHUB_OUTPUT (${options.path}): ${error.message}`
        );
      }
    }
  };
}
var init_github_output = __esm({
  "src/report/github-output.ts"() {
    "use strict";
    init_output_target();
  }
});

// src/store/store.ts
function storeErrorFrom(error, what, otherwise = "unreadable") {
  if (error instanceof StoreError) return error;
  const code = error?.code;
  const kind = code === "EACCES" || code === "EPERM" || code === "EROFS" || code === "ENOSPC" ? "unwritable" : code === "ECONNREFUSED" || code === "ETIMEDOUT" || code === "ENOTFOUND" ? "unreachable" : otherwise;
  const detail = error?.message ?? String(error);
  return new StoreError(kind, `${what}: ${detail}`, { cause: error });
}
function inContext(error, doing) {
  return new StoreError(error.kind, `${doing}: ${error.message}`, { cause: error });
}
function parseDocument(text, where) {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new StoreError("corrupt", `${where} is corrupt (not JSON)`, { cause: error });
  }
}
function parseLogLines(lines) {
  const records = [];
  for (const line of lines) {
    if (line.trim() === "") continue;
    try {
      records.push(JSON.parse(line));
    } catch {
    }
  }
  return records;
}
function logLimit(keep) {
  return Math.max(keep + 1, Math.ceil(keep * 1.25));
}
var init_store = __esm({
  "src/store/store.ts"() {
    "use strict";
    init_errors();
    init_errors();
  }
});

// src/store/file-lock.ts
async function withFileLock(lockPath, options, body) {
  const clock = { now: options.now ?? Date.now, sleep: options.sleep ?? realSleep };
  const content = await acquire(lockPath, options, clock);
  let stopRenewal = async () => {
  };
  const renewal = setImmediate(() => {
    const released = new AbortController();
    const renewing = renew(lockPath, content, options.staleMs / 4, clock, released.signal);
    stopRenewal = () => {
      released.abort("released");
      return renewing;
    };
  });
  try {
    return await body(async () => await readText(lockPath) === content);
  } finally {
    clearImmediate(renewal);
    await stopRenewal();
    if (await readText(lockPath) === content) await unlink2(lockPath).catch(() => {
    });
    await removeLitter(lockPath);
  }
}
async function renew(lockPath, content, everyMs, clock, released) {
  for (; ; ) {
    await clock.sleep(everyMs, released);
    if (released.aborted || await readText(lockPath) !== content) return;
    await touch(lockPath, clock.now()).catch(() => {
    });
  }
}
async function acquire(lockPath, options, clock) {
  const info = {
    pid: process.pid,
    host: HOST,
    token: `${++acquisitions}-${randomHex(6)}`
  };
  const content = JSON.stringify(info);
  const aside = `${lockPath}.${process.pid}.${info.token}.new`;
  await writeFile2(aside, content);
  let asideDated = clock.now();
  await touch(aside, asideDated);
  try {
    let started = clock.now();
    let holder2;
    for (let round2 = 0; ; round2++) {
      if (clock.now() - asideDated > options.staleMs / 4) {
        asideDated = clock.now();
        await touch(aside, asideDated).catch(() => writeFile2(aside, content));
      }
      try {
        await link(aside, lockPath);
        return content;
      } catch (error) {
        const code = error.code;
        if (code === "ENOENT") await writeFile2(aside, content);
        else if (code !== "EEXIST") throw error;
      }
      let stale;
      const overdue = clock.now() - started > options.timeoutMs;
      if (round2 % STALE_CHECK_EVERY === 0 || overdue) {
        const current = await readText(lockPath);
        if (current !== holder2) {
          holder2 = current;
          started = clock.now();
        }
        stale = await staleContent(lockPath, current, options.staleMs, clock.now);
      }
      if (stale !== void 0) {
        await breakStale(lockPath, stale, clock.now);
        continue;
      }
      if (clock.now() - started > options.timeoutMs) {
        throw new StoreError(
          "busy",
          `${lockPath} has been locked by another process for over ${options.timeoutMs}ms`
        );
      }
      const ceiling = Math.min(10, 1 + round2);
      await clock.sleep(Math.random() * ceiling);
    }
  } finally {
    await unlink2(aside).catch(() => {
    });
  }
}
async function staleContent(lockPath, content, staleMs, now) {
  if (content === void 0) return void 0;
  let info = {};
  try {
    info = JSON.parse(content);
  } catch {
  }
  if (info.host === HOST && typeof info.pid === "number" && !processAlive(info.pid)) {
    return content;
  }
  return implausibleAge(await ageOf(lockPath, now), staleMs) ? content : void 0;
}
function ageOf(path, now) {
  return stat2(path).then(
    (s) => now() - s.mtimeMs,
    () => 0
  );
}
function implausibleAge(ageMs, limitMs) {
  return Math.abs(ageMs) > limitMs;
}
function touch(path, ms) {
  const date = new Date(ms);
  return utimes(path, date, date);
}
async function removeLitter(lockPath) {
  const prefix = `${(0, import_node_path6.basename)(lockPath)}.`;
  const dir = (0, import_node_path6.dirname)(lockPath);
  const names = await readdir2(dir).catch(() => []);
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(".new")) continue;
    const pid = Number(name.slice(prefix.length).split(".")[0]);
    if (Number.isInteger(pid) && pid > 0 && processAlive(pid)) continue;
    await unlink2((0, import_node_path6.join)(dir, name)).catch(() => {
    });
  }
}
async function breakStale(lockPath, stale, now) {
  const guard = `${lockPath}.break`;
  try {
    await writeFile2(guard, String(process.pid), { flag: "wx" });
    await touch(guard, now());
  } catch (error) {
    if (error.code !== "EEXIST") throw error;
    if (implausibleAge(await ageOf(guard, now), GUARD_STALE_MS)) {
      await unlink2(guard).catch(() => {
      });
    }
    return;
  }
  try {
    if (await readText(lockPath) === stale) await unlink2(lockPath).catch(() => {
    });
  } finally {
    await unlink2(guard).catch(() => {
    });
  }
}
function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}
async function readText(path) {
  try {
    return await readFile2(path);
  } catch {
    return void 0;
  }
}
var import_node_fs7, import_node_os6, import_node_path6, link, readdir2, readFile2, stat2, unlink2, utimes, writeFile2, HOST, GUARD_STALE_MS, acquisitions, STALE_CHECK_EVERY;
var init_file_lock = __esm({
  "src/store/file-lock.ts"() {
    "use strict";
    init_random();
    import_node_fs7 = require("node:fs");
    import_node_os6 = require("node:os");
    import_node_path6 = require("node:path");
    init_clock();
    init_store();
    link = async (existing, path) => (0, import_node_fs7.linkSync)(existing, path);
    readdir2 = async (dir) => (0, import_node_fs7.readdirSync)(dir);
    readFile2 = async (path) => {
      const fd = (0, import_node_fs7.openSync)(path, import_node_fs7.constants.O_RDONLY | import_node_fs7.constants.O_NONBLOCK);
      try {
        if (!(0, import_node_fs7.fstatSync)(fd).isFile()) throw new Error(`${path} is not a regular file`);
        return (0, import_node_fs7.readFileSync)(fd, "utf8");
      } finally {
        (0, import_node_fs7.closeSync)(fd);
      }
    };
    stat2 = async (path) => (0, import_node_fs7.statSync)(path);
    unlink2 = async (path) => (0, import_node_fs7.unlinkSync)(path);
    utimes = async (path, atime, mtime) => (0, import_node_fs7.utimesSync)(path, atime, mtime);
    writeFile2 = async (path, data, options) => (0, import_node_fs7.writeFileSync)(path, data, options);
    HOST = (0, import_node_os6.hostname)();
    GUARD_STALE_MS = 2e3;
    acquisitions = 0;
    STALE_CHECK_EVERY = 8;
  }
});

// src/report/exposition.ts
function escapeLabelValue(value) {
  return value.replaceAll("\\", "\\\\").replaceAll('"', '\\"').replaceAll("\n", "\\n");
}
function renderLabels(labels) {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabelValue(v)}"`);
  return parts.length === 0 ? "" : `{${parts.join(",")}}`;
}
function renderValue(value) {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "+Inf" : "-Inf";
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
}
function sampleLine(metric, labels, value) {
  return `${metric}${renderLabels(labels)} ${renderValue(value)}`;
}
var init_exposition = __esm({
  "src/report/exposition.ts"() {
    "use strict";
  }
});

// src/report/metrics-file.ts
var metrics_file_exports = {};
__export(metrics_file_exports, {
  createMetricsFileReporter: () => createMetricsFileReporter,
  isMetricsFileText: () => isMetricsFileText,
  parseSamples: () => parseSamples,
  renderSamples: () => renderSamples,
  updateSamples: () => updateSamples
});
function updateSamples(previous, name, summary, breaker, budget) {
  const next = new Map([...previous].map(([family, series]) => [family, new Map(series)]));
  const set = (family, labels, value, add = false) => {
    const series = next.get(family) ?? /* @__PURE__ */ new Map();
    const key = renderLabels(labels);
    series.set(key, (add ? series.get(key) ?? 0 : 0) + value);
    next.set(family, series);
  };
  set("retry_run_runs_total", { name, outcome: summary.outcome }, 1, true);
  set("retry_run_attempts_total", { name }, summary.attempts, true);
  set("retry_run_waited_seconds_total", { name }, summary.waitedMs / 1e3, true);
  set("retry_run_last_run_timestamp_seconds", { name }, Date.parse(summary.time) / 1e3);
  set("retry_run_last_run_success", { name }, summary.outcome === "success" ? 1 : 0);
  set("retry_run_last_run_attempts", { name }, summary.attempts);
  set("retry_run_last_run_duration_seconds", { name }, summary.elapsedMs / 1e3);
  set("retry_run_last_run_exit_code", { name }, summary.exitCode);
  if (budget !== void 0) {
    const refused = summary.outcome === "budget-exhausted" ? 1 : 0;
    set("retry_run_budget_refused_total", { name, budget }, refused, true);
  }
  if (breaker) {
    for (const state of BREAKER_STATES) {
      set(
        "retry_run_breaker_state",
        { name: breaker.name, state },
        state === breaker.state ? 1 : 0
      );
    }
  }
  return next;
}
function parseSamples(text) {
  const samples = /* @__PURE__ */ new Map();
  const known = new Set(FAMILIES.map((f) => f.name));
  for (const line of text.split("\n")) {
    const match = SAMPLE.exec(line);
    if (!match || !known.has(match[1])) continue;
    const value = Number(match[3]);
    if (!Number.isFinite(value)) continue;
    const series = samples.get(match[1]) ?? /* @__PURE__ */ new Map();
    series.set(match[2] ?? "", value);
    samples.set(match[1], series);
  }
  return samples;
}
function isMetricsFileText(text) {
  return text.trim() === "" || text.startsWith("# HELP retry_run_");
}
function renderSamples(samples) {
  const lines = [];
  for (const family of FAMILIES) {
    const series = samples.get(family.name);
    if (!series || series.size === 0) continue;
    lines.push(`# HELP ${family.name} ${family.help}`, `# TYPE ${family.name} ${family.kind}`);
    for (const key of [...series.keys()].sort()) {
      lines.push(`${family.name}${key} ${renderValue(series.get(key))}`);
    }
  }
  return `${lines.join("\n")}
`;
}
function createMetricsFileReporter(options) {
  let summary;
  return {
    onEvent(event) {
      if (event.event === "summary") summary = event;
    },
    async close() {
      if (!summary) return;
      const done = summary;
      const breaker = await options.breakerState?.().catch(() => void 0);
      try {
        const target = await resolveOutputTarget(options.path);
        const update = async (previous) => writeOutput(
          target,
          renderSamples(updateSamples(previous, options.name, done, breaker, options.budget))
        );
        if (target.kind !== "regular") return await update(/* @__PURE__ */ new Map());
        await withFileLock(
          `${target.path}.lock`,
          LOCK,
          async () => update(await previousSamples(target.path))
        );
      } catch (error) {
        options.warn(
          `could not write the metrics file ${options.path}: ${error.message}`
        );
      }
    }
  };
}
async function previousSamples(path) {
  const text = await readIfPresent(path);
  if (!isMetricsFileText(text)) {
    throw new Error("it is not a retry-run metrics file; left as it is");
  }
  return parseSamples(text);
}
async function readIfPresent(path) {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return "";
    throw error;
  }
}
var FAMILIES, BREAKER_STATES, SAMPLE, LOCK;
var init_metrics_file = __esm({
  "src/report/metrics-file.ts"() {
    "use strict";
    init_promises();
    init_file_lock();
    init_output_target();
    init_exposition();
    FAMILIES = [
      {
        name: "retry_run_runs_total",
        kind: "counter",
        help: "Runs of retry-run, by name and outcome."
      },
      { name: "retry_run_attempts_total", kind: "counter", help: "Attempts made, by name." },
      {
        name: "retry_run_waited_seconds_total",
        kind: "counter",
        help: "Time spent waiting between attempts, by name."
      },
      { name: "retry_run_last_run_timestamp_seconds", kind: "gauge", help: "When the last run ended." },
      {
        name: "retry_run_last_run_success",
        kind: "gauge",
        help: "1 if the last run succeeded, else 0."
      },
      { name: "retry_run_last_run_attempts", kind: "gauge", help: "Attempts the last run made." },
      {
        name: "retry_run_last_run_duration_seconds",
        kind: "gauge",
        help: "How long the last run took, waits included."
      },
      { name: "retry_run_last_run_exit_code", kind: "gauge", help: "Exit code of the last run." },
      {
        name: "retry_run_budget_refused_total",
        kind: "counter",
        help: "Retries a retry budget refused (runs that ended budget-exhausted), by name and budget."
      },
      {
        name: "retry_run_breaker_state",
        kind: "gauge",
        help: "Circuit breaker state after the last run naming it: 1 for the current state."
      }
    ];
    BREAKER_STATES = ["closed", "open", "half-open"];
    SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})? (\S+)$/;
    LOCK = { staleMs: 1e4, timeoutMs: 5e3 };
  }
});

// src/report/pushgateway.ts
var pushgateway_exports = {};
__export(pushgateway_exports, {
  createPushgatewayReporter: () => createPushgatewayReporter,
  groupUrl: () => groupUrl
});
function createPushgatewayReporter(options) {
  let summary;
  return {
    onEvent(event) {
      if (event.event === "summary") summary = event;
    },
    async close() {
      if (!summary) return;
      const body = renderSamples(
        updateSamples(/* @__PURE__ */ new Map(), options.name, summary, void 0, options.budget)
      );
      try {
        await put(groupUrl(options.url, options.name), body, options.timeoutMs);
      } catch (error) {
        options.warn(`could not push metrics to ${options.url}: ${error.message}`);
      }
    }
  };
}
function groupUrl(base, name) {
  const segment = name.includes("/") ? `name@base64/${Buffer.from(name).toString("base64url")}` : `name/${encodeURIComponent(name)}`;
  return new URL(`${base.replace(/\/+$/, "")}/metrics/job/retry_run/${segment}`);
}
function put(url, body, timeoutMs) {
  const request = url.protocol === "https:" ? import_node_https.request : import_node_http.request;
  return new Promise((resolve3, reject) => {
    const req = request(
      url,
      {
        method: "PUT",
        headers: { "content-type": "text/plain; version=0.0.4" },
        signal: AbortSignal.timeout(timeoutMs)
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8").on("data", (chunk) => text += chunk);
        response.on("end", () => {
          const status = response.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve3();
          else reject(new Error(`HTTP ${status} ${text.trim().slice(0, 200)}`.trim()));
        });
        response.on("error", reject);
      }
    );
    req.on(
      "error",
      (error) => reject(error.name === "AbortError" ? new Error(`no answer within ${timeoutMs}ms`) : error)
    );
    req.end(body);
  });
}
var import_node_http, import_node_https;
var init_pushgateway = __esm({
  "src/report/pushgateway.ts"() {
    "use strict";
    import_node_http = require("node:http");
    import_node_https = require("node:https");
    init_metrics_file();
  }
});

// src/breaker/state.ts
var state_exports = {};
__export(state_exports, {
  CLOSED: () => CLOSED,
  MAX_COOLDOWN_FACTOR: () => MAX_COOLDOWN_FACTOR,
  admission: () => admission,
  cooldownFactor: () => cooldownFactor,
  forceOpen: () => forceOpen,
  isBreakerData: () => isBreakerData,
  recordAttempt: () => recordAttempt,
  startProbe: () => startProbe,
  visibleState: () => visibleState
});
function admission(data, now) {
  if (data.state === "closed") return "pass";
  if (data.state === "open" && data.closesAt !== null && now < data.closesAt) return "refuse";
  return "probe";
}
function startProbe(data, now) {
  if (admission(data, now) !== "probe") return data;
  return { ...data, state: "half-open", probeStartedAt: now, updatedAt: now };
}
function recordAttempt(data, outcome, now, settings) {
  if (outcome.success) {
    const closed = { ...CLOSED, lastFailure: data.lastFailure, updatedAt: now };
    return data.state === "closed" ? { data: closed } : { data: closed, transition: "closed" };
  }
  const failed = {
    ...data,
    consecutiveFailures: data.consecutiveFailures + 1,
    lastFailure: outcome.reason,
    updatedAt: now
  };
  if (data.state === "closed" && failed.consecutiveFailures >= settings.threshold) {
    return { data: openFor(failed, now, settings.cooldownMs, 0), transition: "opened" };
  }
  if (data.state === "half-open" && outcome.probe) {
    const reopenings = data.reopenings + 1;
    const ms = settings.cooldownMs * cooldownFactor(reopenings);
    return { data: openFor(failed, now, ms, reopenings), transition: "reopened" };
  }
  return { data: failed };
}
function forceOpen(data, now, forMs) {
  return openFor({ ...data, lastFailure: "opened by hand", updatedAt: now }, now, forMs, 0);
}
function cooldownFactor(reopenings) {
  return Math.min(MAX_COOLDOWN_FACTOR, 2 ** reopenings);
}
function openFor(data, now, ms, reopenings) {
  return {
    ...data,
    state: "open",
    openedAt: now,
    closesAt: now + ms,
    reopenings,
    probeStartedAt: null
  };
}
function visibleState(data, now) {
  return data.state === "open" && admission(data, now) === "probe" ? "half-open" : data.state;
}
function isBreakerData(value) {
  const v = value;
  const time = (t) => t === null || typeof t === "number" && Number.isFinite(t);
  return typeof v === "object" && v !== null && (v.state === "closed" || v.state === "open" || v.state === "half-open") && Number.isSafeInteger(v.consecutiveFailures) && v.consecutiveFailures >= 0 && Number.isSafeInteger(v.reopenings) && v.reopenings >= 0 && time(v.openedAt) && time(v.closesAt) && time(v.probeStartedAt) && (v.lastFailure === null || typeof v.lastFailure === "string") && typeof v.updatedAt === "number";
}
var MAX_COOLDOWN_FACTOR, CLOSED;
var init_state = __esm({
  "src/breaker/state.ts"() {
    "use strict";
    MAX_COOLDOWN_FACTOR = 16;
    CLOSED = Object.freeze({
      state: "closed",
      consecutiveFailures: 0,
      openedAt: null,
      closesAt: null,
      reopenings: 0,
      lastFailure: null,
      probeStartedAt: null,
      updatedAt: 0
    });
  }
});

// src/breaker/describe.ts
function isoSecond(ms) {
  return isoTime(ms).replace(/\.\d{3}Z$/, "Z");
}
function breakerView(name, data, now) {
  return {
    name,
    state: visibleState(data, now),
    consecutiveFailures: data.consecutiveFailures,
    openedAt: data.openedAt === null ? null : isoSecond(data.openedAt),
    closesAt: data.closesAt === null ? null : isoSecond(data.closesAt),
    lastFailure: data.lastFailure
  };
}
function whyOpen(data) {
  if (data.lastFailure === "opened by hand") return "opened by hand";
  const failures = `${data.consecutiveFailures} consecutive failure${data.consecutiveFailures === 1 ? "" : "s"}`;
  return data.lastFailure ? `${failures}, last ${data.lastFailure}` : failures;
}
function whenProbe(data, now) {
  if (data.closesAt === null || data.closesAt <= now) return "now";
  return `at ${isoSecond(data.closesAt)} (in ${formatDuration(data.closesAt - now)})`;
}
function describeRefusal(data, now) {
  const since = data.openedAt === null ? "" : ` since ${isoSecond(data.openedAt)}`;
  return `open${since} (${whyOpen(data)}); nothing run; it lets one probe through ${whenProbe(data, now)}`;
}
function describeTransition(transition, data, now, probe) {
  if (transition === "closed")
    return probe ? "the probe succeeded: closed" : "an attempt succeeded: closed";
  const cooldown = formatDuration((data.closesAt ?? now) - now);
  if (transition === "opened") {
    return `opened after ${whyOpen(data)}; no further attempt; one probe may go ${whenProbe(data, now)}`;
  }
  return `the probe failed (${data.lastFailure}): open again for ${cooldown} (cooldown \xD7${cooldownFactor(data.reopenings)}); next probe ${whenProbe(data, now)}`;
}
var init_describe = __esm({
  "src/breaker/describe.ts"() {
    "use strict";
    init_duration();
    init_iso_time();
    init_state();
  }
});

// src/breaker/breaker.ts
var breaker_exports = {};
__export(breaker_exports, {
  BREAKER_COLLECTION: () => BREAKER_COLLECTION,
  checked: () => checked,
  createSharedBreaker: () => createSharedBreaker,
  readBreaker: () => readBreaker
});
async function readBreaker(store, name) {
  return checked(await store.read(BREAKER_COLLECTION, name), store, name);
}
function checked(value, store, name) {
  if (value === void 0) return CLOSED;
  if (!isBreakerData(value)) {
    throw new StoreError("corrupt", `breaker '${name}' in ${store.location} is corrupt`);
  }
  return value;
}
function createSharedBreaker(options) {
  const { name, store, clock } = options;
  const leaseMs = options.leaseMs ?? 15e3;
  const holder2 = `${(0, import_node_os7.hostname)()}:${process.pid}:${randomHex(16)}`;
  let broken;
  let probing = false;
  let renewal;
  const notice = (data, message2) => ({
    name,
    state: data.state,
    message: message2,
    closesAt: data.closesAt === null ? null : isoSecond(data.closesAt)
  });
  const failed = (error) => {
    if (!(error instanceof StoreError)) throw error;
    broken = error;
    const then = options.strict ? "and --breaker-strict refuses to run" : "acting as closed";
    const repair = error.kind === "corrupt" ? ` ('retry-run breaker reset ${name}' repairs it)` : "";
    options.warn(`breaker '${name}': ${error.message}${repair}; ${then}`);
  };
  const brokenDecision = () => options.strict && broken ? {
    allowed: false,
    notice: {
      name,
      state: "open",
      message: `the state store cannot be used (${broken.kind}) and --breaker-strict is set; nothing run`,
      closesAt: null
    }
  } : { allowed: true };
  const endProbe = async () => {
    clearInterval(renewal);
    renewal = void 0;
    if (!probing) return;
    probing = false;
    await store.releaseLease(BREAKER_COLLECTION, name, holder2);
  };
  const tryProbe = async () => {
    if (!await store.acquireLease(BREAKER_COLLECTION, name, holder2, leaseMs)) {
      const data2 = await readBreaker(store, name);
      return {
        allowed: false,
        notice: notice(data2, `half-open: another run is probing; nothing run`)
      };
    }
    let verdict = "pass";
    const data = await store.update(BREAKER_COLLECTION, name, (current) => {
      const breaker = checked(current, store, name);
      const now = clock.now();
      verdict = admission(breaker, now);
      return verdict === "probe" ? startProbe(breaker, now) : breaker;
    });
    if (verdict !== "probe") {
      await store.releaseLease(BREAKER_COLLECTION, name, holder2);
      return verdict === "pass" ? { allowed: true } : { allowed: false, notice: notice(data, describeRefusal(data, clock.now())) };
    }
    probing = true;
    renewal = setInterval(() => {
      store.acquireLease(BREAKER_COLLECTION, name, holder2, leaseMs).catch(() => {
      });
    }, leaseMs / 3).unref();
    return {
      allowed: true,
      notice: notice(data, "cooldown over: this run is the one probe")
    };
  };
  let writeChecked = !options.strict;
  const checkWritable = async () => {
    if (writeChecked) return;
    await store.update(BREAKER_COLLECTION, name, (current) => ({
      ...checked(current, store, name)
    }));
    writeChecked = true;
  };
  return {
    async admit() {
      if (broken) return brokenDecision();
      try {
        await checkWritable();
        const data = await readBreaker(store, name);
        const verdict = admission(data, clock.now());
        if (verdict === "pass") return { allowed: true };
        if (verdict === "refuse") {
          return { allowed: false, notice: notice(data, describeRefusal(data, clock.now())) };
        }
        return await tryProbe();
      } catch (error) {
        failed(error);
        return brokenDecision();
      }
    },
    async record(success, reason) {
      if (broken) return void 0;
      const probe = probing;
      try {
        if (success && !probe) {
          const data2 = await readBreaker(store, name);
          if (data2.state === "closed" && data2.consecutiveFailures === 0) return void 0;
        }
        let transition;
        const data = await store.update(BREAKER_COLLECTION, name, (current) => {
          const next = recordAttempt(
            checked(current, store, name),
            { success, reason, probe },
            clock.now(),
            options
          );
          transition = next.transition;
          return next.data;
        });
        await endProbe();
        if (!transition) return void 0;
        return notice(data, describeTransition(transition, data, clock.now(), probe));
      } catch (error) {
        failed(error);
        return void 0;
      }
    },
    async close() {
      try {
        await endProbe();
      } catch {
      }
    }
  };
}
var import_node_os7, BREAKER_COLLECTION;
var init_breaker2 = __esm({
  "src/breaker/breaker.ts"() {
    "use strict";
    init_random();
    import_node_os7 = require("node:os");
    init_store();
    init_describe();
    init_state();
    BREAKER_COLLECTION = "breaker";
  }
});

// src/tools/builtin.ts
var T, exit, message, CURL_MAN, curl, WGET_MAN, wget, git, NPM_SOURCE, npm, yarn, pnpm, KUBECTL_SOURCE, kubectlMessages, kubectl, helm, AWS_RETRY, AWS_CODES, aws, gcloud, AZURE_ERRORS, az, DISTRIBUTION, registryMessages, docker, podman, gh, SSH_SOURCE, sshMessages, ssh, RSYNC_MAN, rsync, PIP_SOURCE, pip, APT_SOURCE, apt, terraform, BUILTIN_TOOLS;
var init_builtin = __esm({
  "src/tools/builtin.ts"() {
    "use strict";
    T = (tool) => `test/fixtures/tools/transcripts/${tool}.json`;
    exit = (cls, meaning, source) => ({
      class: cls,
      meaning,
      source
    });
    message = (match, cls, source, extra = {}) => ({ match, class: cls, source, ...extra });
    CURL_MAN = "curl(1) EXIT CODES";
    curl = {
      commands: ["curl"],
      scriptPrefixes: ["curl: ("],
      exitLine: "^curl: \\((\\d+)\\) ",
      exits: {
        6: exit("connection", "could not resolve host", CURL_MAN),
        7: exit("connection", "failed to connect", T("curl")),
        22: exit("status", "HTTP error status", T("curl")),
        28: exit("timeout", "operation timed out", CURL_MAN),
        35: exit("connection", "TLS handshake failed", CURL_MAN),
        52: exit("connection", "empty reply from server", CURL_MAN),
        55: exit("connection", "failed sending data", CURL_MAN),
        56: exit("connection", "failed receiving data", CURL_MAN)
      },
      messages: [message("The requested URL returned error: (\\d{3})\\b", "status", T("curl"))],
      readsRetryAfter: true
    };
    WGET_MAN = "wget(1) EXIT STATUS";
    wget = {
      commands: ["wget"],
      exits: {
        2: exit("usage", "parse error", WGET_MAN),
        4: exit("connection", "network failure", T("wget")),
        6: exit("auth", "username/password authentication failure", T("wget")),
        8: exit("status", "server issued an error response", T("wget"))
      },
      messages: [message("\\bERROR (\\d{3}): ", "status", T("wget"))]
    };
    git = {
      commands: ["git"],
      messages: [
        message(
          "^fatal: unable to access '[^']*': The requested URL returned error: (\\d{3})$",
          "status",
          T("git")
        ),
        message("^fatal: repository '[^']*' not found$", "not-found", T("git"), {
          says: "repository not found"
        }),
        message(
          "^fatal: could not read Username for '[^']*': terminal prompts disabled$",
          "auth",
          T("git"),
          {
            says: "could not read Username (terminal prompts disabled)"
          }
        ),
        message(
          "^fatal: Authentication failed for '",
          "auth",
          `git http.c: "Authentication failed for '%s'"`,
          {
            says: "Authentication failed"
          }
        ),
        message(
          "Permission denied \\(publickey",
          "auth",
          'openssh sshconnect2.c: "%s@%s: Permission denied (%s)."',
          {
            says: "Permission denied (publickey)"
          }
        )
      ]
    };
    NPM_SOURCE = `${T("npm")}; npm <= 9 printed the same lines as 'npm ERR!' (npm/cli lib/utils/display.js)`;
    npm = {
      commands: ["npm", "npx"],
      scriptPrefixes: ["npm error ", "npm ERR! "],
      messages: [
        message("^npm (?:error|ERR!) code E(\\d{3})$", "status", NPM_SOURCE),
        message("^npm (?:error|ERR!) code ECONNREFUSED$", "connection", NPM_SOURCE),
        message("^npm (?:error|ERR!) code E401$", "auth", NPM_SOURCE, { status: 401, says: "E401" })
      ]
    };
    yarn = {
      commands: ["yarn"],
      messages: [
        message(
          'Request failed \\\\?"(\\d{3}) ',
          "status",
          'yarnpkg/yarn src/reporters/lang/en.js: requestFailed "Request failed $0" with the status line'
        )
      ]
    };
    pnpm = {
      commands: ["pnpm"],
      scriptPrefixes: ["ERR_PNPM_"],
      messages: [
        message(
          "\\bERR_PNPM_FETCH_(\\d{3})\\b",
          "status",
          "pnpm/pnpm network/fetch: FetchError code `FETCH_${response.status}`, printed as ERR_PNPM_FETCH_<status>"
        )
      ]
    };
    KUBECTL_SOURCE = T("kubectl");
    kubectlMessages = [
      message("^Error from server \\(ServiceUnavailable\\)", "status", KUBECTL_SOURCE, {
        status: 503,
        says: "ServiceUnavailable"
      }),
      message("^Error from server \\(NotFound\\)", "status", KUBECTL_SOURCE, {
        status: 404,
        says: "NotFound"
      }),
      message("^Error from server \\(Forbidden\\)", "status", KUBECTL_SOURCE, {
        status: 403,
        says: "Forbidden"
      }),
      message("^error: You must be logged in to the server", "status", KUBECTL_SOURCE, {
        status: 401,
        says: "You must be logged in to the server"
      }),
      message("^Error from server \\(TooManyRequests\\)", "rate-limit", KUBECTL_SOURCE, {
        status: 429,
        says: "TooManyRequests"
      }),
      message("^error: client rate limiter Wait returned an error", "rate-limit", KUBECTL_SOURCE, {
        status: 429,
        says: "client rate limiter gave up"
      }),
      message("^The connection to the server \\S+ was refused", "connection", KUBECTL_SOURCE),
      message(
        "^Unable to connect to the server: ",
        "connection",
        'kubernetes/kubectl pkg/cmd/util/helpers.go: "Unable to connect to the server: %v"'
      )
    ];
    kubectl = {
      commands: ["kubectl", "oc"],
      scriptPrefixes: ["Error from server (", "The connection to the server "],
      messages: kubectlMessages
    };
    helm = {
      commands: ["helm"],
      messages: [
        message(
          "\\bfailed to fetch \\S+ : (\\d{3}) ",
          "status",
          'helm/helm pkg/getter/httpgetter.go: "failed to fetch %s : %s" with resp.Status'
        ),
        ...kubectlMessages.filter((entry) => entry.class !== "rate-limit")
      ]
    };
    AWS_RETRY = "botocore/data/_retry.json: throttling error codes";
    AWS_CODES = "docs.aws.amazon.com/cli/latest/topic/return-codes.html";
    aws = {
      commands: ["aws"],
      scriptPrefixes: ["An error occurred ("],
      exits: {
        252: exit("usage", "command syntax invalid", AWS_CODES),
        253: exit("usage", "configuration invalid", AWS_CODES)
      },
      messages: [
        message("^An error occurred \\((\\d{3})\\) when calling ", "status", T("aws")),
        message(
          "^An error occurred \\((Throttling|ThrottlingException|TooManyRequestsException|RequestLimitExceeded|SlowDown|RequestThrottled)\\)",
          "rate-limit",
          AWS_RETRY,
          { status: 429 }
        ),
        message(
          "^An error occurred \\((AccessDenied|AccessDeniedException|UnauthorizedOperation|InvalidClientTokenId|ExpiredToken|SignatureDoesNotMatch)\\)",
          "auth",
          "AWS API error codes (docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html, S3 ErrorResponses)"
        ),
        message(
          "^An error occurred \\((NoSuchBucket|NoSuchKey|ResourceNotFoundException)\\)",
          "not-found",
          "AWS API error codes (S3 ErrorResponses, DynamoDB/Lambda ResourceNotFoundException)"
        ),
        message("^Could not connect to the endpoint URL: ", "connection", T("aws")),
        message("^Unable to locate credentials", "auth", "botocore/exceptions.py: NoCredentialsError", {
          says: "Unable to locate credentials"
        })
      ]
    };
    gcloud = {
      commands: ["gcloud", "gsutil"],
      scriptPrefixes: ["ERROR: (gcloud."],
      messages: [
        message(
          "^ERROR: \\(gcloud\\.[\\w.-]+\\) You do not currently have an active account selected",
          "auth",
          T("gcloud"),
          {
            says: "no active account"
          }
        ),
        message(
          "^ERROR: \\(gcloud\\.[\\w.-]+\\) HTTPError (\\d{3}): ",
          "status",
          'googlecloudsdk/api_lib/util/exceptions.py: HttpException default format "HTTPError {status_code}: {message}"'
        )
      ]
    };
    AZURE_ERRORS = "learn.microsoft.com/azure/azure-resource-manager/troubleshooting/common-deployment-errors";
    az = {
      commands: ["az"],
      messages: [
        message(
          "^ERROR: Please run 'az login' to setup account",
          "auth",
          "Azure/azure-cli src/azure-cli-core/azure/cli/core/_profile.py",
          {
            says: "Please run 'az login'"
          }
        ),
        message("\\((AuthorizationFailed|InvalidAuthenticationToken)\\)", "auth", AZURE_ERRORS),
        message("\\((ResourceNotFound|ResourceGroupNotFound)\\)", "not-found", AZURE_ERRORS),
        message(
          "\\((TooManyRequests)\\)",
          "rate-limit",
          "learn.microsoft.com/azure/azure-resource-manager/management/request-limits-and-throttling",
          { status: 429 }
        )
      ]
    };
    DISTRIBUTION = "distribution/distribution docs/spec/api.md: error codes";
    registryMessages = [
      message(
        "\\btoomanyrequests: ",
        "rate-limit",
        'docs.docker.com/docker-hub/usage/pulls: "toomanyrequests: You have reached your pull rate limit"',
        { status: 429 }
      ),
      message("\\bunauthorized: ", "auth", DISTRIBUTION, { says: "unauthorized" }),
      message("\\bdenied: ", "auth", DISTRIBUTION, { says: "denied" }),
      message("\\bmanifest unknown\\b", "not-found", DISTRIBUTION, { says: "manifest unknown" })
    ];
    docker = {
      commands: ["docker"],
      scriptPrefixes: ["Error response from daemon: ", "Cannot connect to the Docker daemon"],
      messages: [
        message("^Cannot connect to the Docker daemon at ", "connection", T("docker")),
        ...registryMessages
      ]
    };
    podman = { commands: ["podman", "buildah", "skopeo"], messages: registryMessages };
    gh = {
      commands: ["gh"],
      messages: [
        message(
          "\\bHTTP (\\d{3}): ",
          "status",
          'cli/cli api/client.go: HTTPError.Error() "HTTP %d: %s (%s)"'
        )
      ]
    };
    SSH_SOURCE = 'openssh-portable sshconnect2.c: "%s@%s: Permission denied (%s)."';
    sshMessages = [
      message("Permission denied \\(", "auth", SSH_SOURCE, { says: "Permission denied" }),
      message(
        "^Host key verification failed\\.",
        "auth",
        'openssh-portable sshconnect.c: "Host key verification failed."',
        {
          says: "Host key verification failed"
        }
      ),
      message("^ssh: connect to host \\S+ port \\S+: ", "connection", T("ssh")),
      message(
        "^ssh: Could not resolve hostname ",
        "connection",
        'openssh-portable ssh.c: "Could not resolve hostname %.100s: %s"'
      )
    ];
    ssh = {
      commands: ["ssh", "scp", "sftp"],
      scriptPrefixes: ["ssh: "],
      messages: sshMessages
    };
    RSYNC_MAN = "rsync(1) EXIT VALUES";
    rsync = {
      commands: ["rsync"],
      scriptPrefixes: ["rsync error: "],
      exits: {
        1: exit("usage", "syntax or usage error", RSYNC_MAN),
        10: exit("connection", "error in socket I/O", RSYNC_MAN),
        12: exit("connection", "error in rsync protocol data stream", RSYNC_MAN),
        30: exit("timeout", "timeout in data send/receive", RSYNC_MAN),
        35: exit("timeout", "timeout waiting for daemon connection", RSYNC_MAN)
      },
      messages: sshMessages
    };
    PIP_SOURCE = 'pypa/pip src/pip/_internal/network/utils.py raise_for_status: "{code} Client Error: {reason} for url" (tests/unit/test_network_utils.py)';
    pip = {
      commands: ["pip", "pip3"],
      messages: [message("\\b(\\d{3}) (?:Client|Server) Error: ", "status", PIP_SOURCE)]
    };
    APT_SOURCE = "apt po/apt-all.pot";
    apt = {
      commands: ["apt-get", "apt"],
      messages: [
        message(
          "^E: Failed to fetch \\S+ +(\\d{3}) ",
          "status",
          `${APT_SOURCE}: "Failed to fetch %s  %s"`
        ),
        message(
          "Temporary failure resolving '",
          "connection",
          `${APT_SOURCE}: "Temporary failure resolving '%s'"`
        ),
        message(
          "^E: Unable to locate package ",
          "not-found",
          `${APT_SOURCE}: "Unable to locate package %s"`,
          {
            says: "Unable to locate package"
          }
        )
      ]
    };
    terraform = {
      commands: ["terraform", "tofu"],
      messages: [message(": bad response code: (\\d{3})$", "status", T("terraform"))]
    };
    BUILTIN_TOOLS = {
      curl,
      wget,
      git,
      npm,
      yarn,
      pnpm,
      kubectl,
      helm,
      aws,
      gcloud,
      az,
      docker,
      podman,
      gh,
      ssh,
      rsync,
      pip,
      "apt-get": apt,
      terraform
    };
  }
});

// src/tools/compile.ts
function unsafePattern(source) {
  if (source.length > 300) return "longer than 300 characters";
  if (/\\[1-9]|\\k</.test(source)) return "uses a backreference";
  if (/\([^()]*(?:[*+]|\{\d)[^()]*\)[*+?{]/.test(source)) return "has a nested quantifier";
  try {
    new RegExp(source, "m");
  } catch (error) {
    return error.message;
  }
  return void 0;
}
function compileTable(table3) {
  return Object.entries(table3).map(([name, entry]) => compileTool(name, entry));
}
function compileTool(name, entry) {
  let exitLine;
  let messages;
  return {
    name,
    commands: new Set(entry.commands),
    scriptPrefixes: entry.scriptPrefixes ?? [],
    get exitLine() {
      if (entry.exitLine === void 0) return void 0;
      return exitLine ??= new RegExp(entry.exitLine, "gm");
    },
    exits: new Map(Object.entries(entry.exits ?? {}).map(([code, exit2]) => [Number(code), exit2])),
    get messages() {
      return messages ??= (entry.messages ?? []).map((message2) => ({
        pattern: new RegExp(message2.match, "gm"),
        class: message2.class,
        ...message2.status === void 0 ? {} : { status: message2.status },
        ...message2.says === void 0 ? {} : { says: message2.says }
      }));
    },
    readsRetryAfter: entry.readsRetryAfter === true
  };
}
var init_compile = __esm({
  "src/tools/compile.ts"() {
    "use strict";
  }
});

// src/tools/active.ts
function activeTools(extra) {
  if (!extra) return builtin ??= compileTable(BUILTIN_TOOLS);
  return compileTable({ ...BUILTIN_TOOLS, ...extra });
}
var builtin;
var init_active = __esm({
  "src/tools/active.ts"() {
    "use strict";
    init_builtin();
    init_compile();
  }
});

// src/tools/recognize.ts
function toolByCommand(table3, file) {
  const name = (0, import_node_path7.basename)(file);
  return table3.find((tool) => tool.commands.has(name));
}
function recognizeTool(table3, file, exitCode, tails) {
  const tool = toolByCommand(table3, file) ?? toolInScript(table3, exitCode, tails.stderrTail);
  if (!tool) return void 0;
  const said = `${tool.name} exit ${exitCode}`;
  const exit2 = tool.exits.get(exitCode);
  const found = lastMessage(tool, tails);
  if (exit2 && exit2.class !== "status") {
    const line = tool.exitLine && tails.stderrTail ? lastMatch(tool.exitLine, tails.stderrTail) : void 0;
    const quoted = line ? `'${lineAround(tails.stderrTail, line.index)}'` : exit2.meaning;
    return {
      tool: tool.name,
      class: exit2.class,
      says: exit2.meaning,
      evidence: `(${said}: ${quoted})`
    };
  }
  if (found) {
    const status = found.message.status ?? statusIn(found.match);
    return {
      tool: tool.name,
      class: found.message.class,
      ...status === void 0 ? {} : { status },
      ...found.message.says ? { says: found.message.says } : {},
      evidence: `(${said}: '${found.line}')`
    };
  }
  if (exit2) return { tool: tool.name, class: "status", evidence: `(${said}: ${exit2.meaning})` };
  return void 0;
}
function statusIn(match) {
  const status = Number(match[1]);
  return Number.isInteger(status) && status >= 100 && status <= 599 ? status : void 0;
}
function toolInScript(table3, exitCode, stderr) {
  if (!stderr) return void 0;
  let best;
  for (const tool of table3) {
    for (const prefix of tool.scriptPrefixes) {
      const index = lastLineStartingWith(stderr, prefix);
      if (index !== void 0 && (!best || index > best.index)) best = { tool, index };
    }
  }
  if (!best?.tool.exitLine) return best?.tool;
  const line = lastMatch(best.tool.exitLine, stderr);
  return Number(line?.[1]) === exitCode ? best.tool : void 0;
}
function lastLineStartingWith(text, prefix) {
  let index = text.lastIndexOf(prefix);
  while (index > 0 && text[index - 1] !== "\n") index = text.lastIndexOf(prefix, index - 1);
  return index === -1 ? void 0 : index;
}
function lastMessage(tool, tails) {
  for (const text of [tails.stderrTail, tails.stdoutTail]) {
    if (!text) continue;
    let best;
    for (const message2 of tool.messages) {
      const match = lastMatch(message2.pattern, text);
      if (match && (!best || match.index > best.match.index)) best = { message: message2, match };
    }
    if (best) return { ...best, line: lineAround(text, best.match.index) };
  }
  return void 0;
}
function lastMatch(pattern, text) {
  let last;
  for (const match of text.matchAll(pattern)) last = match;
  return last;
}
var import_node_path7;
var init_recognize = __esm({
  "src/tools/recognize.ts"() {
    "use strict";
    import_node_path7 = require("node:path");
    init_evidence();
  }
});

// src/runners/http/proxy-env.ts
function proxyIsSet(env2) {
  return PROXY_VARIABLES.some((name) => Boolean(env2[name]));
}
var PROXY_VARIABLES;
var init_proxy_env = __esm({
  "src/runners/http/proxy-env.ts"() {
    "use strict";
    PROXY_VARIABLES = ["http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY"];
  }
});

// src/tools/types.ts
var TRANSIENT_CLASSES, PERMANENT_CLASSES, TOOL_CLASSES;
var init_types = __esm({
  "src/tools/types.ts"() {
    "use strict";
    TRANSIENT_CLASSES = ["connection", "timeout", "status", "rate-limit"];
    PERMANENT_CLASSES = ["auth", "not-found", "usage"];
    TOOL_CLASSES = [...TRANSIENT_CLASSES, ...PERMANENT_CLASSES];
  }
});

// src/tools/tools-file.ts
function loadToolsFile(path) {
  let text;
  try {
    text = (0, import_node_fs9.readFileSync)(path, "utf8");
  } catch (error) {
    throw new UsageError(
      `--tools-file: cannot read '${path}': ${error.message}`,
      "ERR_UNREADABLE_FILE"
    );
  }
  let data;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--tools-file: '${path}' is not JSON: ${error.message}`);
  }
  return validateTable(data, (field, problem) => {
    throw new UsageError(`--tools-file: '${path}': ${field}: ${problem}`);
  });
}
function validateTable(data, fail) {
  if (!isObject(data)) fail("(top level)", "expected an object of tool name \u2192 entry");
  for (const [name, entry] of Object.entries(data)) validateEntry(name, entry, fail);
  return data;
}
function validateEntry(name, entry, fail) {
  if (!isObject(entry)) fail(name, "expected an object");
  for (const key of Object.keys(entry)) {
    if (!ENTRY_FIELDS.includes(key))
      fail(`${name}.${key}`, `unknown field (expected ${ENTRY_FIELDS.join(", ")})`);
  }
  const commands = entry.commands;
  if (!Array.isArray(commands) || commands.length === 0 || !commands.every(isWord))
    fail(`${name}.commands`, "expected a non-empty array of command names");
  if (entry.scriptPrefixes !== void 0 && !(Array.isArray(entry.scriptPrefixes) && entry.scriptPrefixes.every(isWord)))
    fail(`${name}.scriptPrefixes`, "expected an array of non-empty strings");
  if (entry.exitLine !== void 0) validatePattern(`${name}.exitLine`, entry.exitLine, fail);
  if (entry.readsRetryAfter !== void 0 && typeof entry.readsRetryAfter !== "boolean")
    fail(`${name}.readsRetryAfter`, "expected true or false");
  if (entry.exits !== void 0) {
    if (!isObject(entry.exits))
      fail(`${name}.exits`, "expected an object of exit code \u2192 {class, meaning}");
    for (const [code, exit2] of Object.entries(entry.exits)) {
      const field = `${name}.exits.${code}`;
      if (!/^\d{1,3}$/.test(code) || Number(code) > 255)
        fail(field, "the key must be an exit code 0-255");
      if (!isObject(exit2)) fail(field, "expected an object with class and meaning");
      validateClass(`${field}.class`, exit2.class, fail);
      if (!isWord(exit2.meaning)) fail(`${field}.meaning`, "expected a non-empty string");
    }
  }
  if (entry.messages !== void 0) {
    if (!Array.isArray(entry.messages)) fail(`${name}.messages`, "expected an array");
    entry.messages.forEach((message2, index) => {
      const field = `${name}.messages[${index}]`;
      if (!isObject(message2)) fail(field, "expected an object with match, class and source");
      validatePattern(`${field}.match`, message2.match, fail);
      validateClass(`${field}.class`, message2.class, fail);
      if (message2.status !== void 0 && !(Number.isInteger(message2.status) && message2.status >= 100 && message2.status <= 599))
        fail(`${field}.status`, "expected an HTTP status 100-599");
      if (message2.says !== void 0 && !isWord(message2.says))
        fail(`${field}.says`, "expected a non-empty string");
      if (message2.source !== void 0 && typeof message2.source !== "string")
        fail(`${field}.source`, "expected a string");
    });
  }
}
function validatePattern(field, pattern, fail) {
  if (!isWord(pattern)) fail(field, "expected a regular expression as a non-empty string");
  const problem = unsafePattern(pattern);
  if (problem) fail(field, `unusable regular expression: ${problem}`);
}
function validateClass(field, value, fail) {
  if (!TOOL_CLASSES.includes(value))
    fail(field, `expected one of ${TOOL_CLASSES.join(", ")}`);
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function isWord(value) {
  return typeof value === "string" && value.length > 0;
}
var import_node_fs9, ENTRY_FIELDS;
var init_tools_file = __esm({
  "src/tools/tools-file.ts"() {
    "use strict";
    import_node_fs9 = require("node:fs");
    init_errors();
    init_compile();
    init_types();
    ENTRY_FIELDS = [
      "commands",
      "scriptPrefixes",
      "exitLine",
      "exits",
      "messages",
      "readsRetryAfter"
    ];
  }
});

// src/runners/attempts-env.ts
function maxAttemptsEnv(maxAttempts) {
  return Number.isFinite(maxAttempts) ? String(maxAttempts) : "inf";
}
var init_attempts_env = __esm({
  "src/runners/attempts-env.ts"() {
    "use strict";
  }
});

// src/runners/monotonic.ts
function monotonicMs() {
  return Number(process.hrtime.bigint()) / 1e6;
}
var init_monotonic = __esm({
  "src/runners/monotonic.ts"() {
    "use strict";
  }
});

// src/runners/command/closed-output.ts
function closedOutput() {
  if (readerGone(1)) return "stdout";
  if (readerGone(2)) return "stderr";
  return void 0;
}
function readerGone(fd) {
  let stat3;
  try {
    stat3 = (0, import_node_fs10.fstatSync)(fd);
  } catch {
    return false;
  }
  if (!stat3.isFIFO()) return false;
  try {
    return !hasReader((0, import_node_fs10.readlinkSync)(`/proc/self/fd/${fd}`));
  } catch {
    return true;
  }
}
function hasReader(pipe) {
  for (const pid of (0, import_node_fs10.readdirSync)("/proc").filter((name) => /^\d+$/.test(name))) {
    let fds;
    try {
      fds = (0, import_node_fs10.readdirSync)(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if ((0, import_node_fs10.readlinkSync)(`/proc/${pid}/fd/${fd}`) !== pipe) continue;
        const info = (0, import_node_fs10.readFileSync)(`/proc/${pid}/fdinfo/${fd}`, "utf8");
        const flags = Number.parseInt(/^flags:\s*(\d+)/m.exec(info)?.[1] ?? "1", 8);
        if ((flags & ACCESS_MODE) !== WRITE_ONLY) return true;
      } catch {
      }
    }
  }
  return false;
}
var import_node_fs10, SIGPIPE_EXIT_CODE, ACCESS_MODE, WRITE_ONLY;
var init_closed_output = __esm({
  "src/runners/command/closed-output.ts"() {
    "use strict";
    import_node_fs10 = require("node:fs");
    SIGPIPE_EXIT_CODE = 141;
    ACCESS_MODE = 3;
    WRITE_ONLY = 1;
  }
});

// src/runners/command/command-options.ts
function checkCommandRunnerOptions(options) {
  const { command, capture } = options;
  const isText = (value) => typeof value === "string";
  if (!isText(command?.file) || !Array.isArray(command.args) || !command.args.every(isText) || !isText(command.display)) {
    throw invalidOption("command", command, "expected argvCommand([\u2026]) or shellCommand('\u2026')");
  }
  if (options.stdin !== void 0) choiceOption("stdin", options.stdin, STDIN_MODES);
  if (capture !== void 0) {
    if (capture.stdout !== void 0) {
      choiceOption("capture.stdout", capture.stdout, ["live", "final"]);
    }
    if (capture.tails !== void 0 && typeof capture.tails !== "boolean") {
      throw invalidOption("capture.tails", capture.tails, "expected true or false");
    }
    functionOption("capture.onStderr", capture.onStderr);
  }
  functionOption("now", options.now);
  return {
    ...options,
    killAfterMs: msOption("killAfterMs", options.killAfterMs ?? DEFAULTS.killAfterMs)
  };
}
var init_command_options = __esm({
  "src/runners/command/command-options.ts"() {
    "use strict";
    init_stdin_source();
    init_defaults();
    init_option_values();
  }
});

// src/runners/command/connection-messages.ts
function findConnectionMessage(tails) {
  for (const [stream, text] of [
    ["stderr", tails.stderrTail],
    ["stdout", tails.stdoutTail]
  ]) {
    if (!text) continue;
    let best;
    for (const [pattern, code] of CONNECTION_MESSAGES) {
      const index = lastIndexOf(pattern, text);
      if (index !== void 0 && (!best || index > best.index)) best = { index, code };
    }
    if (best) {
      return {
        ...best.code ? { errorCode: best.code } : {},
        evidence: foundIn(stream, lineAround(text, best.index))
      };
    }
  }
  return void 0;
}
function lastIndexOf(pattern, text) {
  let last;
  for (const match of text.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))) {
    last = match.index;
  }
  return last;
}
var CONNECTION_MESSAGES;
var init_connection_messages = __esm({
  "src/runners/command/connection-messages.ts"() {
    "use strict";
    init_evidence();
    CONNECTION_MESSAGES = [
      [/\bECONNREFUSED\b|Connection refused/i, "ECONNREFUSED"],
      [/\bECONNRESET\b|Connection reset|socket hang up/i, "ECONNRESET"],
      [/\bEAI_AGAIN\b|Temporary failure in name resolution/i, "EAI_AGAIN"],
      [/\bENOTFOUND\b|Could not resolve host|Name or service not known|Unknown host/i, "ENOTFOUND"],
      [/\bENETUNREACH\b|Network is unreachable/i, "ENETUNREACH"],
      [/\bEHOSTUNREACH\b|No route to host/i, "EHOSTUNREACH"],
      [/\bETIMEDOUT\b|Connection timed out/i, "ETIMEDOUT"],
      [/Failed to connect to|Couldn't connect to server/i, void 0]
    ];
  }
});

// src/runners/command/known-tools.ts
function recognizeToolFailure(file, exitCode, stderrTail, stdoutTail, table3 = activeTools()) {
  const verdict = recognizeTool(table3, file, exitCode, { stderrTail, stdoutTail });
  if (!verdict) return void 0;
  const finding = { evidence: verdict.evidence, knownTool: { name: verdict.tool } };
  if (verdict.says && verdict.class !== "connection" && verdict.class !== "timeout")
    finding.knownTool.says = verdict.says;
  if (verdict.class === "connection" || verdict.class === "timeout")
    finding.failureClass = verdict.class;
  const status = verdict.status ?? (verdict.class === "rate-limit" ? 429 : void 0);
  if (status !== void 0) finding.reportedStatus = status;
  if (PERMANENT_CLASSES.includes(verdict.class))
    finding.knownTool.permanent = verdict.class;
  return finding;
}
var init_known_tools = __esm({
  "src/runners/command/known-tools.ts"() {
    "use strict";
    init_active();
    init_recognize();
    init_types();
    init_builtin();
  }
});

// src/runners/server-wait.ts
function parseRetryAfter(value, responseDate2, now) {
  const text = value.trim();
  if (DELAY_SECONDS.test(text)) return Number(text) * 1e3;
  const at = parseHttpDate(text);
  if (at === void 0) return void 0;
  return Math.max(0, at - referenceTime(responseDate2, now));
}
function parseRateLimitReset(value, responseDate2, now) {
  const text = value.trim();
  if (!DECIMAL_SECONDS.test(text)) return void 0;
  const number = Number(text);
  if (number < EPOCH_SECONDS_FROM) return Math.round(number * 1e3);
  const at = number >= EPOCH_MS_FROM ? number : number * 1e3;
  return Math.max(0, Math.round(at - referenceTime(responseDate2, now)));
}
function parseRateLimit(value) {
  let resetSeconds;
  let exhausted = false;
  for (const [, name, number] of value.matchAll(RATE_LIMIT_PARAM)) {
    const key = name.toLowerCase();
    if (key === "t" || key === "reset") resetSeconds = Math.max(resetSeconds ?? 0, Number(number));
    else if (Number(number) === 0) exhausted = true;
  }
  return { ...resetSeconds === void 0 ? {} : { resetSeconds }, exhausted };
}
function serverWaitFromHeaders(header2, status, now) {
  const date = header2("date");
  const candidates = [];
  const add = (name, value, ms) => {
    if (value !== void 0 && ms !== void 0)
      candidates.push({ ms, header: `${name}: ${value}` });
  };
  const retryAfter = header2("retry-after");
  if (retryAfter !== void 0)
    add("Retry-After", retryAfter, parseRetryAfter(retryAfter, date, now));
  const rateLimit = header2("ratelimit");
  if (rateLimit !== void 0) {
    const info = parseRateLimit(rateLimit);
    if (info.resetSeconds !== void 0 && (info.exhausted || status === 429)) {
      add("RateLimit", rateLimit, info.resetSeconds * 1e3);
    }
  }
  const reset = header2("x-ratelimit-reset");
  if (reset !== void 0 && (status === 429 || header2("x-ratelimit-remaining")?.trim() === "0")) {
    add("X-RateLimit-Reset", reset, parseRateLimitReset(reset, date, now));
  }
  return candidates.reduce(
    (longest, candidate) => longest && longest.ms >= candidate.ms ? longest : candidate,
    void 0
  );
}
function parseHttpDate(text) {
  if (!/[a-z]{3}/i.test(text)) return void 0;
  const ms = Date.parse(/GMT|UTC|[+-]\d{4}/i.test(text) ? text : `${text} GMT`);
  return Number.isFinite(ms) ? ms : void 0;
}
function referenceTime(responseDate2, now) {
  return (responseDate2 === void 0 ? void 0 : parseHttpDate(responseDate2)) ?? now;
}
var DELAY_SECONDS, DECIMAL_SECONDS, EPOCH_SECONDS_FROM, EPOCH_MS_FROM, RATE_LIMIT_PARAM;
var init_server_wait = __esm({
  "src/runners/server-wait.ts"() {
    "use strict";
    DELAY_SECONDS = /^\d{1,12}$/;
    DECIMAL_SECONDS = /^\d+(\.\d+)?$/;
    EPOCH_SECONDS_FROM = 1e9;
    EPOCH_MS_FROM = 1e12;
    RATE_LIMIT_PARAM = /(?:^|[;,\s])(t|r|reset|remaining)\s*=\s*(\d+)/gi;
  }
});

// src/runners/command/output-server-wait.ts
function findRetryAfter(tails, now) {
  let found;
  for (const text of [tails.stdoutTail, tails.stderrTail]) {
    if (!text) continue;
    const matches = [...text.matchAll(RETRY_AFTER_LINE)];
    const last = matches.at(-1);
    if (!last) continue;
    const ms = parseRetryAfter(last[1], responseDate(text, last.index), now);
    if (ms !== void 0) found = Math.max(found ?? 0, ms);
  }
  return found;
}
function responseDate(text, index) {
  const before = text.slice(0, index);
  const lastStatus = [...before.matchAll(new RegExp(HEADER_BLOCK_START.source, "gim"))].at(-1);
  const blockStart = lastStatus?.index ?? 0;
  const blockEnd = text.slice(index).search(/\r?\n[ \t<]*\r?\n/);
  const block = text.slice(blockStart, blockEnd === -1 ? void 0 : index + blockEnd);
  return DATE_LINE.exec(block)?.[1];
}
var RETRY_AFTER_LINE, DATE_LINE, HEADER_BLOCK_START;
var init_output_server_wait = __esm({
  "src/runners/command/output-server-wait.ts"() {
    "use strict";
    init_server_wait();
    RETRY_AFTER_LINE = /^[ \t<]*Retry-After:[ \t]*([^\r\n]*)/gim;
    DATE_LINE = /^[ \t<]*Date:[ \t]*([^\r\n]*)/im;
    HEADER_BLOCK_START = /^[ \t<]*HTTP\/[\d.]+ \d{3}/im;
  }
});

// src/runners/command/command-facts.ts
function commandFacts(file, result, now, tools) {
  const facts = {};
  const serverWaitMs = findRetryAfter(result, now);
  if (serverWaitMs !== void 0) facts.serverWaitMs = serverWaitMs;
  const exited = result.signal === void 0 && result.timedOut === void 0;
  if (!exited || result.exitCode === 0 || result.errorCode !== void 0) return facts;
  const tool = recognizeToolFailure(
    file,
    result.exitCode,
    result.stderrTail,
    result.stdoutTail,
    tools
  );
  if (tool) {
    if (tool.failureClass) facts.failureClass = tool.failureClass;
    const code = tool.failureClass === "connection" ? findConnectionMessage(result) : void 0;
    if (code?.errorCode) facts.errorCode = code.errorCode;
    if (tool.reportedStatus !== void 0) facts.reportedStatus = tool.reportedStatus;
    facts.failureEvidence = tool.evidence;
    facts.knownTool = tool.knownTool;
    return facts;
  }
  const message2 = findConnectionMessage(result);
  if (message2) {
    facts.failureClass = "connection";
    if (message2.errorCode) facts.errorCode = message2.errorCode;
    facts.failureEvidence = message2.evidence;
  }
  return facts;
}
var init_command_facts = __esm({
  "src/runners/command/command-facts.ts"() {
    "use strict";
    init_connection_messages();
    init_known_tools();
    init_output_server_wait();
  }
});

// src/runners/command/output-fifo.ts
async function openPipes(count, directory = (0, import_node_os8.tmpdir)()) {
  const name = `retry-run-${process.pid}-${randomHex(16)}`;
  const paths = Array.from({ length: count }, (_, i) => (0, import_node_path8.join)(directory, `${name}-${i}`));
  const opened = [];
  try {
    const mkfifo = spawn("mkfifo", ["-m", "600", ...paths], { stdio: "ignore" });
    const [code] = await (0, import_node_events.once)(mkfifo, "exit");
    if (code !== 0) return void 0;
    return paths.map((path) => {
      const read = (0, import_node_fs11.openSync)(path, import_node_fs11.constants.O_RDONLY | import_node_fs11.constants.O_NONBLOCK);
      opened.push(read);
      const write = (0, import_node_fs11.openSync)(path, import_node_fs11.constants.O_WRONLY);
      opened.push(write);
      return { read, write };
    });
  } catch {
    opened.forEach((fd) => (0, import_node_fs11.closeSync)(fd));
    return void 0;
  } finally {
    for (const path of paths) {
      try {
        (0, import_node_fs11.unlinkSync)(path);
      } catch {
      }
    }
  }
}
var import_node_events, import_node_fs11, import_node_os8, import_node_path8;
var init_output_fifo = __esm({
  "src/runners/command/output-fifo.ts"() {
    "use strict";
    init_random();
    init_child_process();
    import_node_events = require("node:events");
    import_node_fs11 = require("node:fs");
    import_node_os8 = require("node:os");
    import_node_path8 = require("node:path");
  }
});

// src/runners/command/output-tail.ts
var TAIL_BYTES, OutputTail;
var init_output_tail = __esm({
  "src/runners/command/output-tail.ts"() {
    "use strict";
    TAIL_BYTES = 64 * 1024;
    OutputTail = class {
      #ring;
      /** Where the next byte goes. */
      #end = 0;
      #filled = 0;
      constructor(capacity = TAIL_BYTES) {
        this.#ring = Buffer.alloc(capacity);
      }
      push(chunk) {
        const capacity = this.#ring.length;
        if (capacity === 0) return;
        if (chunk.length >= capacity) {
          this.#ring.set(chunk.subarray(chunk.length - capacity));
          this.#end = 0;
          this.#filled = capacity;
          return;
        }
        const first = Math.min(chunk.length, capacity - this.#end);
        this.#ring.set(chunk.subarray(0, first), this.#end);
        this.#ring.set(chunk.subarray(first), 0);
        this.#end = (this.#end + chunk.length) % capacity;
        this.#filled = Math.min(capacity, this.#filled + chunk.length);
      }
      /** The kept bytes, oldest first (a copy). */
      bytes() {
        if (this.#filled < this.#ring.length) {
          return Buffer.from(this.#ring.subarray(this.#end - this.#filled, this.#end));
        }
        return Buffer.concat([this.#ring.subarray(this.#end), this.#ring.subarray(0, this.#end)]);
      }
      /** The kept bytes as text; a character cut at the start decodes as U+FFFD. */
      text() {
        return this.bytes().toString("utf8");
      }
    };
  }
});

// src/runners/command/pipe-size.ts
function enlargePipe(fd, bytes = BUSY_PIPE_BYTES) {
  try {
    const call2 = `fcntl(STDIN, ${F_SETPIPE_SZ}, ${Math.trunc(bytes)})`;
    const perl = spawn("perl", ["-e", call2], { stdio: [fd, "ignore", "ignore"] });
    perl.on("error", () => void 0);
    perl.unref();
  } catch {
  }
}
var BUSY_PIPE_BYTES, F_SETPIPE_SZ;
var init_pipe_size = __esm({
  "src/runners/command/pipe-size.ts"() {
    "use strict";
    init_child_process();
    BUSY_PIPE_BYTES = 1024 * 1024;
    F_SETPIPE_SZ = 1031;
  }
});

// src/runners/command/splice-helper.ts
function spliceHelperFor(outFd) {
  if (process.platform !== "linux") return void 0;
  const numbers = SYSCALLS[process.arch];
  if (!numbers || (0, import_node_tty6.isatty)(outFd)) return void 0;
  try {
    const stats = (0, import_node_fs12.fstatSync)(outFd);
    if (stats.isFIFO()) return { ...numbers, mode: "pipe" };
    const devNull = stats.isCharacterDevice() && stats.rdev === DEV_NULL;
    if (stats.isFile() || stats.isSocket() || devNull) return { ...numbers, mode: "other" };
    return void 0;
  } catch {
    return void 0;
  }
}
function startSpliceHelper(inFd, outFd, plan, commandExited) {
  try {
    const args = ["-e", HELPER, String(plan.splice), String(plan.tee), plan.mode];
    args.push(commandExited ? "1" : "0");
    const env2 = process.env.PATH === void 0 ? {} : { PATH: process.env.PATH };
    const helper = spawn("perl", args, { stdio: [inFd, outFd, "ignore", "pipe"], env: env2 });
    if (helper.pid === void 0) {
      helper.on("error", () => void 0);
      return void 0;
    }
    return helper;
  } catch {
    return void 0;
  }
}
var import_node_fs12, import_node_tty6, SYSCALLS, DEV_NULL, HELPER_OUTPUT_CLOSED, HELPER;
var init_splice_helper = __esm({
  "src/runners/command/splice-helper.ts"() {
    "use strict";
    init_child_process();
    import_node_fs12 = require("node:fs");
    import_node_tty6 = require("node:tty");
    SYSCALLS = {
      x64: { splice: 275, tee: 276 },
      arm64: { splice: 76, tee: 77 }
    };
    DEV_NULL = 1 << 8 | 3;
    HELPER_OUTPUT_CLOSED = 3;
    HELPER = String.raw`
use strict; use warnings;
use Fcntl qw(F_GETFL F_SETFL O_NONBLOCK);
my ($SPLICE, $TEE, $MODE, $gone) = @ARGV;
my ($NONBLOCK, $SETPIPE, $KEEP, $QUIET, $MOVE) = (2, 1031, 65536, 0.5, 1 << 20);
# Linux's errno values (the same on x86-64 and arm64): the POSIX module costs 20 ms to load.
my ($EINTR, $EAGAIN, $EPIPE) = (4, 11, 32);
$SIG{$_} = 'IGNORE' for qw(PIPE INT TERM HUP QUIT);
my $exited = $gone;
$SIG{USR1} = sub { $exited = 1 };
fcntl(STDIN, $SETPIPE, $MOVE);
pipe(my $tr, my $tw) or die;
fcntl($tw, $SETPIPE, $MOVE);
fcntl($_, F_SETFL, fcntl($_, F_GETFL, 0) | O_NONBLOCK) for $tr, $tw, \*STDIN;
open(my $null, '>', '/dev/null') or die;
my ($r, $w, $nul) = (fileno($tr), fileno($tw), fileno($null));
# The tail: $old (bytes taken out of the tail pipe) followed by $piped bytes in the tail pipe.
my ($old, $piped, $status) = ('', 0, 0);

sub drain {
  my $b;
  while (1) { my $n = sysread($tr, $b, 1 << 16); last unless $n; $old .= $b }
  $piped = 0;
}
# Back to $KEEP bytes once past twice that (older bytes go to /dev/null).
sub trim {
  my $over = length($old) + $piped - $KEEP;
  return if $over <= $KEEP;
  my $cut = $over < length($old) ? $over : length($old);
  substr($old, 0, $cut, '');
  $over -= $cut;
  while ($over > 0) {
    my $n = syscall($SPLICE, $r, 0, $nul, 0, $over, $NONBLOCK);
    if ($n <= 0) { drain(); return trim() }
    $over -= $n;
    $piped -= $n;
  }
}
# Moves $left bytes of the child's pipe into the tail pipe; returns how many it could not.
sub keep {
  my ($left) = @_;
  while ($left > 0) {
    my $n = syscall($SPLICE, 0, 0, $w, 0, $left, $NONBLOCK);
    if ($n > 0) { $left -= $n; $piped += $n; trim(); next }
    return $left unless $n < 0 && ($! == $EAGAIN || $! == $EINTR);
    drain() if $! == $EAGAIN; # out of buffers: take its bytes out
  }
  return 0;
}
sub wait_for {
  my ($fd, $out, $limit) = @_;
  my $v = '';
  vec($v, $fd, 1) = 1;
  return $out ? select(undef, $v, undef, $limit) : select($v, undef, undef, $limit);
}
sub writable { return wait_for(1, 1, 0) != 0 }
# Waits for the child's pipe; 0 once it has been quiet for $QUIET after the command exited.
sub await_in { return wait_for(0, 0, $exited ? $QUIET : undef) }
sub remember {
  $old .= $_[0];
  substr($old, 0, length($old) - $KEEP, '') if length($old) > 2 * $KEEP;
}
# Reads $left bytes that are already out, into the tail only.
sub skip {
  my ($left) = @_;
  my $b;
  drain(); # the tail pipe's bytes come first
  while ($left > 0) {
    my $n = sysread(STDIN, $b, $left);
    if (!defined $n) { return unless $! == $EAGAIN || $! == $EINTR; next }
    return if $n == 0;
    remember($b);
    $left -= $n;
  }
}
# Into a file, /dev/null or a socket, and wherever tee or splice fail: read and write, as cat
# does, through two buffers of 256 KiB used in turn, each from a page boundary on. Perl's own strings start 16 bytes into a page, and the kernel
# copies into those at half the speed. A buffer is left once less than 64 KiB of it is free,
# so by the time the other is reused the newest alone holds the tail: keeping it copies
# nothing. A write that fails (our output closed, a full disk) ends it as EPIPE does.
my $CAP = 1 << 18;
my @buf = ("\0" x ($CAP + 4096), "\0" x ($CAP + 4096));
my (@at, @len, $cur);
sub copy_rest {
  drain();
  for my $i (0, 1) {
    vec($buf[$i], 0, 8) = 0; # a string of its own, which then stays where it is
    my $address = unpack('J', pack('p', $buf[$i]));
    ($at[$i], $len[$i]) = ((4096 - $address % 4096) % 4096, 0);
  }
  $cur = 0;
  while (1) {
    if ($CAP - $len[$cur] < $KEEP) { $cur = 1 - $cur; ($len[$cur], $old) = (0, '') }
    my $from = $at[$cur] + $len[$cur];
    my $n = sysread(STDIN, $buf[$cur], $CAP - $len[$cur], $from);
    if (!defined $n) {
      return 4 unless $! == $EAGAIN || $! == $EINTR;
      return 0 if $! == $EAGAIN && await_in() == 0;
      next;
    }
    return 0 if $n == 0;
    $len[$cur] += $n;
    for (my $done = 0; $done < $n;) {
      my $m = syswrite(STDOUT, $buf[$cur], $n - $done, $from + $done);
      if (defined $m) { $done += $m; next }
      return $HELPER_CLOSED unless $! == $EAGAIN || $! == $EINTR;
      wait_for(1, 1, undef);
    }
  }
}
sub tail_out {
  my $t = $old;
  if (defined $cur) {
    $t .= substr($buf[1 - $cur], $at[1 - $cur], $len[1 - $cur]) if $len[$cur] < $KEEP;
    $t .= substr($buf[$cur], $at[$cur], $len[$cur]);
  }
  return length($t) > $KEEP ? substr($t, length($t) - $KEEP) : $t;
}

$status = copy_rest() if $MODE eq 'other';
# Into a pipe: tee into it, then move the same bytes into the tail.
while ($MODE eq 'pipe') {
  my $n = syscall($TEE, 0, 1, $MOVE, $NONBLOCK);
  if ($n > 0) {
    my $left = keep($n);
    if ($left) { skip($left); $status = copy_rest(); last }
    next;
  }
  last if $n == 0;
  next if $! == $EINTR;
  if ($! == $EPIPE) { $status = $HELPER_CLOSED; last }
  if ($! != $EAGAIN) { $status = copy_rest(); last }
  if (!writable()) { wait_for(1, 1, undef); next }
  last if await_in() == 0;
}
drain();
open(my $res, '>&=', 3) or exit 4;
binmode $res;
print $res tail_out();
close $res;
exit $status;
`.replace(/\$HELPER_CLOSED/g, String(HELPER_OUTPUT_CLOSED));
  }
});

// src/runners/command/output-tee.ts
function pageAlignedReadBuffer() {
  const MALLOC_HEADER = 16;
  const skip = 4096 - MALLOC_HEADER;
  return Buffer.allocUnsafe(READ_BYTES + skip).subarray(skip);
}
function pipeTee(fd, to, tail, onBroken, seen, outFd) {
  const state = {
    chunks: 0,
    waitingForDrain: false,
    ended: Promise.resolve(),
    detach,
    commandExited
  };
  let isBroken = false;
  let bytes = 0;
  let busy = false;
  let plan;
  let handOverWhenWritten = false;
  let helper;
  let exited = false;
  let finish = () => {
  };
  const broken = () => {
    if (isBroken) return;
    isBroken = true;
    state.waitingForDrain = false;
    onBroken();
    from.destroy();
  };
  const written = (error) => {
    if (error) return broken();
    if (!state.waitingForDrain) return;
    if (handOverWhenWritten) return handOver();
    state.waitingForDrain = false;
    from.resume();
  };
  const options = {
    fd,
    readable: true,
    writable: false,
    onread: {
      buffer: pageAlignedReadBuffer(),
      callback: (length, buffer) => {
        state.chunks++;
        bytes += length;
        if (bytes >= BUSY_AFTER_BYTES && !busy) {
          busy = true;
          plan = outFd === void 0 || seen ? void 0 : spliceHelperFor(outFd);
          if (plan) handOverWhenWritten = true;
          else enlargePipe(fd);
        }
        const chunk = buffer.subarray(0, length);
        tail?.push(chunk);
        seen?.(chunk);
        if (to.destroyed || to.writableEnded) {
          broken();
          return false;
        }
        to.write(chunk, written);
        state.waitingForDrain = true;
        if (to.writableLength > 0) return false;
        if (handOverWhenWritten) {
          queueMicrotask(() => handOverWhenWritten && handOver());
          return false;
        }
        state.waitingForDrain = false;
        return true;
      }
    }
  };
  const from = new import_node_net2.Socket(options);
  from.on("error", () => void 0);
  to.on("error", broken);
  state.ended = new Promise((resolve3) => finish = resolve3).then(() => {
    to.off("error", broken);
  });
  from.once("close", () => finish());
  function handOver() {
    handOverWhenWritten = false;
    const started = startSpliceHelper(fd, outFd, plan, exited);
    if (!started) return readOn();
    helper = started;
    const kept = [];
    helper.stdio[3].on("data", (chunk) => kept.push(chunk));
    helper.stdio[3].on("error", () => void 0);
    helper.once("close", (code) => {
      helper = void 0;
      if (code !== 0 && code !== HELPER_OUTPUT_CLOSED) return readOn();
      tail?.push(Buffer.concat(kept));
      state.chunks++;
      if (code === HELPER_OUTPUT_CLOSED) broken();
      from.destroy();
    });
  }
  function readOn() {
    enlargePipe(fd);
    state.waitingForDrain = false;
    from.resume();
  }
  function detach() {
    from.unref();
  }
  function commandExited() {
    exited = true;
    helper?.kill("SIGUSR1");
  }
  return state;
}
function streamTee(from, to, tail, onBroken, seen) {
  const state = {
    chunks: 0,
    waitingForDrain: false,
    ended: Promise.resolve(),
    detach,
    commandExited: () => {
    }
  };
  const resume = () => {
    state.waitingForDrain = false;
    from.resume();
  };
  const broken = () => {
    state.waitingForDrain = false;
    onBroken();
    from.destroy();
  };
  to.on("error", broken);
  from.on("data", (chunk) => {
    state.chunks++;
    tail?.push(chunk);
    seen?.(chunk);
    if (to.destroyed || to.writableEnded) return broken();
    if (!to.write(chunk)) {
      state.waitingForDrain = true;
      from.pause();
      to.once("drain", resume);
    }
  });
  state.ended = new Promise((resolve3) => from.once("close", resolve3)).then(() => {
    to.off("error", broken);
    to.off("drain", resume);
  });
  function detach() {
    from.unref?.();
  }
  return state;
}
var import_node_net2, READ_BYTES, BUSY_AFTER_BYTES;
var init_output_tee = __esm({
  "src/runners/command/output-tee.ts"() {
    "use strict";
    import_node_net2 = require("node:net");
    init_pipe_size();
    init_splice_helper();
    READ_BYTES = 128 * 1024;
    BUSY_AFTER_BYTES = 4 * 1024 * 1024;
  }
});

// src/runners/command/output-capture.ts
async function prepareOutput(options) {
  const streams = [];
  for (const name of ["stdout", "stderr"]) {
    const to = options[name];
    if (to) streams.push({ name, to, ...options.tails ? { tail: new OutputTail() } : {} });
  }
  const pipes = streams.length > 0 ? await openPipes(streams.length) : void 0;
  const stdio = (name) => {
    const index = streams.findIndex((s) => s.name === name);
    if (index < 0) return "inherit";
    return pipes ? pipes[index].write : "pipe";
  };
  const tees = [];
  let closed;
  return {
    stdio: [stdio("stdout"), stdio("stderr")],
    get closed() {
      return closed;
    },
    attach(child) {
      pipes?.forEach((ends) => (0, import_node_fs13.closeSync)(ends.write));
      streams.forEach(({ name, to, tail }, index) => {
        const onBroken = () => {
          if (to === process[name]) closed ??= name;
          child?.kill("SIGPIPE");
        };
        const seen = name === "stderr" ? options.onStderr : void 0;
        const outFd = to === process[name] ? name === "stdout" ? 1 : 2 : void 0;
        if (pipes) {
          return tees.push(pipeTee(pipes[index].read, to, tail, onBroken, seen, outFd));
        }
        const from = child?.[name];
        if (from) tees.push(streamTee(from, to, tail, onBroken, seen));
      });
    },
    async settle() {
      await settleTees(tees);
      const result = {};
      for (const { name, tail } of streams) if (tail) result[`${name}Tail`] = tail.text();
      return result;
    }
  };
}
function settleTees(tees) {
  if (tees.length === 0) return Promise.resolve();
  tees.forEach((t) => t.commandExited());
  return new Promise((resolve3) => {
    let seen = -1;
    const timer = setInterval(() => {
      const chunks2 = tees.reduce((sum, t) => sum + t.chunks, 0);
      if (chunks2 === seen && !tees.some((t) => t.waitingForDrain)) {
        tees.forEach((t) => t.detach());
        done();
      }
      seen = chunks2;
    }, QUIET_MS);
    const done = () => {
      clearInterval(timer);
      resolve3();
    };
    void Promise.all(tees.map((t) => t.ended)).then(done);
  });
}
var import_node_fs13, QUIET_MS;
var init_output_capture = __esm({
  "src/runners/command/output-capture.ts"() {
    "use strict";
    import_node_fs13 = require("node:fs");
    init_output_fifo();
    init_output_tail();
    init_output_tee();
    QUIET_MS = 500;
  }
});

// lazy-builtin:timers/promises
function setTimeout2(...args) {
  return require("node:timers/promises").setTimeout(...args);
}
var init_promises2 = __esm({
  "lazy-builtin:timers/promises"() {
  }
});

// src/runners/process-table.ts
async function readProcessTable() {
  const rows = await readProc().catch(() => readPs().catch(() => void 0));
  return rows && new Map(rows.map((row2) => [row2.pid, row2]));
}
function treeOf(table3, root) {
  const children = /* @__PURE__ */ new Map();
  for (const row2 of table3.values()) {
    children.set(row2.ppid, [...children.get(row2.ppid) ?? [], row2.pid]);
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...children.get(tree[i]) ?? []);
  return tree;
}
async function readProc() {
  const pids = (await readdir("/proc")).filter((name) => /^\d+$/.test(name));
  const rows = await Promise.all(
    pids.map((pid) => readFile(`/proc/${pid}/stat`, "utf8").then(parseStat, () => void 0))
  );
  return rows.filter((row2) => row2 !== void 0);
}
function parseStat(stat3) {
  const fields = stat3.slice(stat3.lastIndexOf(")") + 2).split(" ");
  const pid = Number.parseInt(stat3, 10);
  if (fields[0] === "Z") return void 0;
  return { pid, ppid: Number(fields[1]), pgid: Number(fields[2]) };
}
function readPs() {
  return new Promise((resolve3, reject) => {
    execFile("ps", ["-A", "-o", "pid=,ppid=,pgid=,stat="], (error, stdout2) => {
      if (error) return reject(error);
      const rows = stdout2.split("\n").map((line) => line.trim().split(/\s+/)).filter((fields) => fields.length >= 4 && !fields[3].startsWith("Z")).map(([pid, ppid, pgid]) => ({ pid: Number(pid), ppid: Number(ppid), pgid: Number(pgid) }));
      resolve3(rows);
    });
  });
}
var init_process_table = __esm({
  "src/runners/process-table.ts"() {
    "use strict";
    init_child_process();
    init_promises();
  }
});

// src/runners/process-group.ts
function commandsRunning() {
  return running;
}
function trackAttemptProcesses(child, options) {
  if (child.pid !== void 0 && child.exitCode === null && child.signalCode === null) {
    running++;
    child.once("exit", () => running--);
  }
  const targets = options.ownGroup ? groupTargets(child) : treeTargets(child);
  let state = "running";
  let cancelKill = () => {
  };
  let termSent = false;
  const kill = () => {
    cancelKill();
    state = "killed";
    targets.send("SIGKILL");
  };
  const stop = (signal) => {
    if (state === "killed") return;
    targets.send(signal);
    targets.send("SIGCONT");
    termSent ||= signal === "SIGTERM";
    if (state === "running") {
      state = "stopping";
      cancelKill = setLongTimeout(kill, options.killAfterMs);
    }
  };
  const alive = async () => await targets.count() > 0;
  const endAll = async () => {
    if (!termSent) stop("SIGTERM");
    let waitMs = FIRST_POLL_MS;
    let killedFor = 0;
    while (await alive() && killedFor < AFTER_KILL_MS) {
      await setTimeout2(waitMs);
      if (state === "killed") killedFor += waitMs;
      waitMs = Math.min(waitMs * 2, MAX_POLL_MS);
    }
    cancelKill();
  };
  const settle = async () => {
    if (state !== "running") await endAll();
  };
  const endLeftovers = async () => {
    const left = await targets.count();
    if (left > 0) await endAll();
    return left;
  };
  return { stop, kill, settle, endLeftovers };
}
function groupTargets(child) {
  const pgid = child.pid;
  return {
    send: (signal) => {
      if (pgid !== void 0) signalProcess(-pgid, signal);
    },
    // kill(-pgid, 0) also counts zombies; the process table tells whether one really runs.
    count: async () => {
      if (pgid === void 0 || !signalProcess(-pgid, 0)) return 0;
      const table3 = await readProcessTable();
      if (!table3) return 1;
      return [...table3.values()].filter((row2) => row2.pgid === pgid).length;
    }
  };
}
function treeTargets(child) {
  const known = /* @__PURE__ */ new Set();
  const current = async () => {
    const table3 = await readProcessTable();
    if (!table3) return [];
    const ourGroup = table3.get(process.pid)?.pgid;
    if (child.pid !== void 0 && table3.has(child.pid)) {
      for (const pid of treeOf(table3, child.pid)) known.add(pid);
    }
    return [...known].filter((pid) => pid !== process.pid && table3.get(pid)?.pgid === ourGroup);
  };
  return {
    send: (signal) => {
      const deliver = signal !== "SIGINT";
      if (deliver && child.exitCode === null && child.signalCode === null) child.kill(signal);
      void current().then((pids) => deliver && pids.forEach((pid) => signalProcess(pid, signal)));
    },
    count: async () => (await current()).length
  };
}
function signalProcess(pid, signal) {
  try {
    process.kill(pid, signal);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}
function createAttemptRegistry() {
  const running2 = /* @__PURE__ */ new Set();
  const killAll = () => running2.forEach((processes) => processes.kill());
  return {
    add(processes) {
      if (running2.size === 0) process.on("exit", killAll);
      running2.add(processes);
    },
    delete(processes) {
      running2.delete(processes);
      if (running2.size === 0) process.removeListener("exit", killAll);
    },
    killAll
  };
}
var FIRST_POLL_MS, MAX_POLL_MS, AFTER_KILL_MS, running;
var init_process_group = __esm({
  "src/runners/process-group.ts"() {
    "use strict";
    init_promises2();
    init_clock();
    init_process_table();
    FIRST_POLL_MS = 10;
    MAX_POLL_MS = 200;
    AFTER_KILL_MS = 2e3;
    running = 0;
  }
});

// src/runners/command/stdout-spool.ts
async function openSpoolFile(directory = (0, import_node_os9.tmpdir)()) {
  const path = (0, import_node_path9.join)(directory, `retry-run-stdout-${process.pid}-${randomHex(16)}`);
  let handle;
  try {
    handle = await open(path, "wx+", 384);
    await unlink(path);
  } catch (error) {
    throw new OutputWriteError(
      `--stdout final: cannot create a temporary file in ${directory}: ${error.message}`,
      { cause: error }
    );
  }
  const writable = handle.createWriteStream({ autoClose: false });
  let failure;
  writable.on("error", (error) => failure ??= error);
  let closed = false;
  const close2 = async () => {
    if (closed) return;
    closed = true;
    writable.destroy();
    await handle.close();
  };
  return {
    writable,
    get failure() {
      return failure;
    },
    endWriting: async () => {
      if (!writable.writableEnded && !writable.destroyed) writable.end();
      await (0, import_promises7.finished)(writable).catch(() => {
      });
    },
    release: async (destination, seen) => {
      try {
        const held = handle.createReadStream({
          start: 0,
          autoClose: false,
          highWaterMark: READ_BYTES2
        });
        for await (const chunk of held) {
          await writeChunk(destination, chunk);
          seen?.(chunk);
        }
      } finally {
        await close2();
      }
    },
    discard: close2
  };
}
function writeChunk(destination, chunk) {
  return new Promise((resolve3, reject) => {
    const onError = (error) => reject(error);
    destination.once("error", onError);
    destination.write(chunk, (error) => {
      if (error) return reject(error);
      destination.off("error", onError);
      resolve3();
    });
  });
}
var import_node_os9, import_node_path9, import_promises7, READ_BYTES2;
var init_stdout_spool = __esm({
  "src/runners/command/stdout-spool.ts"() {
    "use strict";
    init_random();
    init_promises();
    import_node_os9 = require("node:os");
    import_node_path9 = require("node:path");
    import_promises7 = require("node:stream/promises");
    init_errors();
    READ_BYTES2 = 1024 * 1024;
  }
});

// src/runners/command/command.ts
var command_exports = {};
__export(command_exports, {
  argvCommand: () => argvCommand,
  createCommandRunner: () => createCommandRunner,
  shellCommand: () => shellCommand
});
function createCommandRunner(given) {
  const options = checkCommandRunnerOptions(given);
  const stdin = createStdinSource(options.stdin ?? "auto");
  const attempts = createAttemptRegistry();
  const holdStdout = options.capture?.stdout === "final";
  let held;
  let last;
  return {
    description: options.command.display,
    run: async (context) => {
      if (holdStdout) {
        await held?.discard();
        held = await openSpoolFile();
      }
      const state = { stdin, attempts, ...held ? { spool: held } : {} };
      return runOnce(options, state, context, (processes) => last = processes);
    },
    afterAttempt: async (success) => {
      const processes = last;
      const spool = held;
      last = void 0;
      held = void 0;
      const endedLeftovers = processes && !success ? await processes.endLeftovers() : 0;
      if (processes) attempts.delete(processes);
      const writeFailure = spool ? await releaseHeld(spool, success, options.capture?.onStderr) : void 0;
      return {
        ...endedLeftovers > 0 ? { endedLeftovers } : {},
        ...writeFailure ? { writeFailure } : {}
      };
    },
    close: async () => {
      attempts.killAll();
      stdin.close();
      await held?.discard();
      held = void 0;
    }
  };
}
async function releaseHeld(spool, success, onStderr) {
  const lost = (what, error) => ({
    exitCode: EXIT_CODES.WRITE,
    message: `--stdout final: ${what}: ${error.message}`,
    ...error.code ? { errorCode: error.code } : {}
  });
  if (spool.failure) {
    await spool.discard();
    return lost(`the attempt's stdout could not be held in ${(0, import_node_os10.tmpdir)()}`, spool.failure);
  }
  try {
    await spool.release(success ? process.stdout : process.stderr, success ? void 0 : onStderr);
  } catch (error) {
    if (success) return lost("the output could not be written to stdout", error);
  }
  return void 0;
}
async function runOnce(options, { stdin, attempts, spool }, context, started) {
  const startedAt = monotonicMs();
  const tails = options.capture?.tails ?? (context.conditions !== void 0 && needsOutput([
    ...context.conditions.retryOn,
    ...context.conditions.stopOn,
    ...context.conditions.until
  ]));
  const output = await prepareOutput({
    tails,
    stdout: spool?.writable ?? (tails ? process.stdout : void 0),
    stderr: tails ? process.stderr : void 0,
    onStderr: options.capture?.onStderr
  });
  const finishWith = async (exited) => {
    const outputTails = await output.settle();
    await spool?.endWriting();
    const result = {
      ...exited,
      ...outputTails,
      ...notRepeatable(output.closed ?? diedOfSigpipe(exited), stdin.replayFailure()),
      durationMs: Math.round(monotonicMs() - startedAt)
    };
    return {
      ...result,
      ...commandFacts(options.command.file, result, (options.now ?? Date.now)(), options.tools)
    };
  };
  const ownGroup = !stdin.terminal;
  let child;
  try {
    child = spawn(options.command.file, options.command.args, {
      stdio: [stdin.stdioFor(context), ...output.stdio],
      detached: ownGroup,
      env: {
        ...options.env ?? process.env,
        RETRY_RUN_ATTEMPT: String(context.attempt),
        RETRY_RUN_MAX_ATTEMPTS: maxAttemptsEnv(context.maxAttempts)
      }
    });
  } catch (error) {
    output.attach(void 0);
    return finishWith(startFailure(options.command.file, error));
  }
  output.attach(child);
  if (child.stdin) stdin.attach(child.stdin, context);
  const processes = trackAttemptProcesses(child, { ownGroup, killAfterMs: options.killAfterMs });
  attempts.add(processes);
  started(processes);
  let timedOut2;
  let cancelLimit = () => {
  };
  if (context.timeLimit) {
    const { ms, reason } = context.timeLimit;
    cancelLimit = setLongTimeout(() => {
      timedOut2 = reason;
      processes.stop("SIGTERM");
    }, ms);
  }
  let escalate;
  const onAbort = () => {
    const reason = interruptReason(context.signal.reason);
    escalate = reason.escalate;
    processes.stop(reason.signal);
    if (escalate?.aborted) processes.kill();
    else escalate?.addEventListener("abort", processes.kill, { once: true });
  };
  let listening = false;
  let listen;
  if (context.signal.aborted) onAbort();
  else {
    listen = setImmediate(() => {
      listening = true;
      if (context.signal.aborted) onAbort();
      else context.signal.addEventListener("abort", onAbort, { once: true });
    });
  }
  return new Promise((resolve3) => {
    let finished2 = false;
    const finish = (exited) => {
      if (finished2) return;
      finished2 = true;
      cancelLimit();
      if (listen) clearImmediate(listen);
      if (listening) context.signal.removeEventListener("abort", onAbort);
      escalate?.removeEventListener("abort", processes.kill);
      void finishWith(exited).then(resolve3);
    };
    child.once("error", (error) => {
      if (child.pid !== void 0) return;
      stdin.detach();
      finish(startFailure(options.command.file, error));
    });
    child.once("exit", (code, signal) => {
      cancelLimit();
      stdin.detach();
      void processes.settle().then(() => {
        if (timedOut2) {
          finish({
            ok: false,
            exitCode: EXIT_CODES.TIMEOUT,
            timedOut: timedOut2,
            ...signal ? { signal } : {}
          });
        } else if (signal) {
          finish({ ok: false, exitCode: signalExitCode(signal), signal });
        } else {
          finish({ ok: code === 0, exitCode: code ?? 1 });
        }
      });
    });
  });
}
function notRepeatable(closed, replayFailure) {
  if (closed) return { notRetryableBecause: `retry-run's ${closed} was closed by its reader` };
  return replayFailure ? { notRetryableBecause: replayFailure } : {};
}
function diedOfSigpipe(exited) {
  const sigpipe = exited.signal === "SIGPIPE" || exited.exitCode === SIGPIPE_EXIT_CODE;
  return sigpipe ? closedOutput() : void 0;
}
function startFailure(file, error) {
  const notFound = error.code === "ENOENT";
  return {
    ok: false,
    exitCode: notFound ? EXIT_CODES.NOT_FOUND : EXIT_CODES.NOT_EXECUTABLE,
    ...error.code ? { errorCode: error.code } : {},
    message: notFound ? `command not found: ${file}` : `cannot run ${file}: ${error.message}`
  };
}
function interruptReason(reason) {
  const given = reason;
  const signal = typeof given?.signal === "string" && given.signal in import_node_os10.constants.signals ? given.signal : "SIGTERM";
  const escalate = given?.escalate instanceof AbortSignal ? given.escalate : void 0;
  return { signal, ...escalate ? { escalate } : {} };
}
var import_node_os10;
var init_command = __esm({
  "src/runners/command/command.ts"() {
    "use strict";
    init_child_process();
    import_node_os10 = require("node:os");
    init_attempts_env();
    init_monotonic();
    init_command_spec();
    init_clock();
    init_exit_codes();
    init_closed_output();
    init_command_options();
    init_conditions();
    init_command_facts();
    init_output_capture();
    init_process_group();
    init_stdin_source();
    init_stdout_spool();
  }
});

// src/runners/each-chunk.ts
function eachChunk(stream, onChunk) {
  return new Promise((resolve3, reject) => {
    let settled = false;
    let pending;
    const settle = (error) => {
      if (settled) return;
      settled = true;
      stream.off("data", onData).off("end", finish).off("close", onClose);
      if (error === void 0) resolve3();
      else reject(error);
    };
    const finish = (error) => {
      if (pending) void pending.then(() => settle(error));
      else settle(error);
    };
    const leave = (error) => {
      stream.destroy();
      settle(error);
    };
    const onData = (chunk) => {
      let next;
      try {
        next = onChunk(chunk);
      } catch (error) {
        return leave(error);
      }
      if (!(next instanceof Promise)) return next === STOP ? leave() : void 0;
      stream.pause();
      const handled = next.then(
        (result) => {
          if (pending === handled) pending = void 0;
          if (result === STOP) leave();
          else if (!settled) stream.resume();
        },
        (error) => {
          if (pending === handled) pending = void 0;
          leave(error);
        }
      );
      pending = handled;
    };
    const onClose = () => finish(stream.readableEnded ? void 0 : prematureClose());
    if (stream.readableEnded) return resolve3();
    if (stream.destroyed) return reject(stream.errored ?? prematureClose());
    stream.on("data", onData).once("end", finish).on("error", finish).once("close", onClose);
  });
}
function prematureClose() {
  return Object.assign(new Error("Premature close"), { code: "ERR_STREAM_PREMATURE_CLOSE" });
}
var STOP;
var init_each_chunk = __esm({
  "src/runners/each-chunk.ts"() {
    "use strict";
    STOP = /* @__PURE__ */ Symbol("stop");
  }
});

// src/runners/http/http-body.ts
async function loadRequestBody(source, stdin) {
  if (!source) return void 0;
  if (source.kind === "text") return Buffer.from(source.text);
  if (source.kind === "file") return readInputFile(source.path, source.flag);
  const chunks2 = [];
  for await (const chunk of stdin()) chunks2.push(Buffer.from(chunk));
  return Buffer.concat(chunks2);
}
async function resolveOutput(path) {
  let where = path;
  try {
    const target = await resolveOutputTarget(path);
    if (target.kind !== "stdio") {
      where = target.kind === "regular" ? (0, import_node_path10.dirname)(target.path) : target.path;
      await access(where, constants3.W_OK);
    }
    return target;
  } catch (error) {
    throw new RetryRunError(
      `--output: cannot write to '${where}': ${error.message}`,
      "ERR_UNWRITABLE_OUTPUT"
    );
  }
}
async function readInputFile(path, flag) {
  try {
    return await readFile(path);
  } catch (error) {
    throw new RetryRunError(
      `${flag}: cannot read '${path}': ${error.message}`,
      "ERR_UNREADABLE_FILE"
    );
  }
}
function streamSink(stream) {
  stream.on("error", () => {
  });
  let written = 0;
  return {
    get written() {
      return written;
    },
    write: async (chunk) => {
      written += chunk.length;
      await writeChunk2(stream, chunk);
    },
    commit: async () => {
    },
    discard: async () => {
    }
  };
}
function fileSink(target) {
  const regular = target.kind === "regular";
  const temporary = temporaryBeside(regular ? target.path : (0, import_node_path10.join)((0, import_node_os11.tmpdir)(), "retry-run-body"));
  const publish = async () => {
    if (regular) return rename(temporary, target.path);
    const held = (0, import_node_fs14.createReadStream)(temporary);
    try {
      await writeOutput(target, held);
    } finally {
      held.destroy();
    }
    await rm(temporary, { force: true });
  };
  let file;
  let written = 0;
  const open3 = () => {
    const mode = regular ? 438 : 384;
    file ??= (0, import_node_fs14.createWriteStream)(temporary, { flags: "wx", mode }).on("error", () => {
    });
    return file;
  };
  const close2 = async () => {
    if (!file) return;
    if (!file.closed) {
      file.end();
      await (0, import_node_events2.once)(file, "close").catch(() => {
      });
    }
    if (file.errored) throw new BodyWriteError(file.errored);
  };
  return {
    get written() {
      return written;
    },
    write: async (chunk) => {
      written += chunk.length;
      await writeChunk2(open3(), chunk);
    },
    commit: async () => {
      open3();
      try {
        await close2();
        await publish();
      } catch (error) {
        await rm(temporary, { force: true });
        throw error instanceof BodyWriteError ? error : new BodyWriteError(error, target.path);
      }
    },
    discard: async () => {
      await close2().catch(() => {
      });
      await rm(temporary, { force: true });
    }
  };
}
async function writeChunk2(stream, chunk) {
  if (stream.errored) throw new BodyWriteError(stream.errored);
  try {
    if (!stream.write(chunk)) await (0, import_node_events2.once)(stream, "drain");
  } catch (error) {
    throw new BodyWriteError(error);
  }
}
var import_node_events2, import_node_fs14, import_node_os11, import_node_path10;
var init_http_body = __esm({
  "src/runners/http/http-body.ts"() {
    "use strict";
    import_node_events2 = require("node:events");
    import_node_fs14 = require("node:fs");
    init_promises();
    import_node_os11 = require("node:os");
    import_node_path10 = require("node:path");
    init_errors();
    init_atomic_write();
    init_output_target();
  }
});

// src/runners/http/http-failure.ts
function requestFailure(error, idleTimeoutMs = 0) {
  const code = errorCode2(error);
  const idle = IDLE_TIMEOUT_MESSAGES.get(code);
  const message2 = idle ? idle(formatDuration(idleTimeoutMs)) : errorMessage(error);
  const connection = (exitCode, neverSent) => ({
    ok: false,
    exitCode,
    failureClass: "connection",
    errorCode: code,
    message: message2,
    neverSent
  });
  if (DNS_CODES.has(code)) return connection(HTTP_EXIT.dns, true);
  if (CONNECT_CODES.has(code)) return connection(HTTP_EXIT.connect, true);
  if (isTls(code)) {
    return { ...connection(HTTP_EXIT.tls, true), message: `${message2} (see --cacert, -k)` };
  }
  if (CONNECT_TIMEOUT_CODES.has(code) || idle) {
    return {
      ok: false,
      exitCode: HTTP_EXIT.timeout,
      failureClass: "timeout",
      errorCode: code,
      message: message2,
      neverSent: code === "UND_ERR_CONNECT_TIMEOUT"
    };
  }
  return connection(HTTP_EXIT.reset, false);
}
function isTls(code) {
  return TLS_CODES.has(code) || code.startsWith("ERR_SSL_") || code.startsWith("ERR_TLS_");
}
function errorCode2(error) {
  const outer = error?.code;
  const cause = error?.cause?.code;
  if (typeof cause === "string" && (outer === void 0 || outer === "UND_ERR_SOCKET"))
    return cause;
  if (outer === "UND_ERR_SOCKET") return "ECONNRESET";
  return typeof outer === "string" ? outer : "EUNKNOWN";
}
function errorMessage(error) {
  const message2 = error?.message ?? String(error);
  return message2.length > 200 ? `${message2.slice(0, 197)}...` : message2;
}
var HTTP_EXIT, DNS_CODES, CONNECT_CODES, CONNECT_TIMEOUT_CODES, IDLE_TIMEOUT_MESSAGES, TLS_CODES;
var init_http_failure = __esm({
  "src/runners/http/http-failure.ts"() {
    "use strict";
    init_duration();
    init_exit_codes();
    HTTP_EXIT = {
      /** The response was not the one --expect / --expect-body ask for (curl -f). */
      status: 22,
      dns: 6,
      connect: 7,
      /** Also a connect timeout (curl exits 28 for both). */
      timeout: 28,
      tls: 35,
      /** Connection reset or closed mid-response. */
      reset: 56,
      /** The body could not be written (curl's 23). */
      write: EXIT_CODES.WRITE,
      /** A redirect to a scheme other than http and https (curl's "unsupported protocol"). */
      unsupportedProtocol: 1,
      /** More redirects than --max-redirs, or a loop. */
      tooManyRedirects: 47
    };
    DNS_CODES = /* @__PURE__ */ new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_NONAME", "EAI_FAIL"]);
    CONNECT_CODES = /* @__PURE__ */ new Set([
      "ECONNREFUSED",
      "EHOSTUNREACH",
      "ENETUNREACH",
      "EHOSTDOWN",
      "EADDRNOTAVAIL"
    ]);
    CONNECT_TIMEOUT_CODES = /* @__PURE__ */ new Set(["UND_ERR_CONNECT_TIMEOUT", "ETIMEDOUT"]);
    IDLE_TIMEOUT_MESSAGES = /* @__PURE__ */ new Map([
      ["UND_ERR_HEADERS_TIMEOUT", (d) => `no complete response head within ${d} (--idle-timeout)`],
      ["UND_ERR_BODY_TIMEOUT", (d) => `no data received for ${d} (--idle-timeout)`]
    ]);
    TLS_CODES = /* @__PURE__ */ new Set([
      "EPROTO",
      "DEPTH_ZERO_SELF_SIGNED_CERT",
      "SELF_SIGNED_CERT_IN_CHAIN",
      "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
      "UNABLE_TO_GET_ISSUER_CERT",
      "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
      "CERT_HAS_EXPIRED",
      "CERT_NOT_YET_VALID",
      "CERT_UNTRUSTED",
      "CERT_REJECTED",
      "ERR_TLS_CERT_ALTNAME_INVALID",
      "HOSTNAME_MISMATCH"
    ]);
  }
});

// src/runners/http/http-redirect.ts
function startRedirectChain(first, policy) {
  const chain = [first];
  const current = () => chain[chain.length - 1];
  return {
    get current() {
      return current();
    },
    next(status, location) {
      if (!REDIRECT_STATUSES.has(status) || location === void 0) return { kind: "answer" };
      let url;
      try {
        url = new URL(location, current().url);
      } catch {
        return { kind: "answer", note: `its Location '${location}' is not a valid URL` };
      }
      if (url.protocol !== "http:" && url.protocol !== "https:") {
        return refuse(
          HTTP_EXIT.unsupportedProtocol,
          `redirect to a ${url.protocol} URL refused (${redactUrl(url.href)}): only http and https redirects are followed`
        );
      }
      const request = redirected(first, current(), status, url, policy.locationTrusted);
      const seen = chain.findIndex((r) => sameRequest(r, request));
      if (seen >= 0) {
        const loop = [...chain.slice(seen), request].map((r) => redactUrl(r.url.href));
        return refuse(HTTP_EXIT.tooManyRedirects, `redirect loop: ${loop.join(" -> ")}`);
      }
      if (chain.length > policy.maxRedirects) {
        const max = policy.maxRedirects;
        return refuse(
          HTTP_EXIT.tooManyRedirects,
          `too many redirects: more than ${max} (--max-redirs ${max})`
        );
      }
      chain.push(request);
      return { kind: "follow", request };
    }
  };
}
function refuse(exitCode, message2) {
  return { kind: "refuse", exitCode, message: message2 };
}
function redirected(first, previous, status, url, trusted) {
  const toGet = status === 303 && previous.method !== "HEAD" || (status === 301 || status === 302) && previous.method === "POST";
  const method = toGet ? "GET" : previous.method;
  const body = toGet ? null : previous.body;
  const bodyDropped = first.body !== null && body === null;
  return { url, method, body, headers: headersFor(url, first, bodyDropped, trusted) };
}
function headersFor(url, first, bodyDropped, trusted) {
  const sameOrigin = url.origin === first.url.origin;
  const downgrade = first.url.protocol === "https:" && url.protocol === "http:";
  return first.headers.filter(([name]) => {
    const lower = name.toLowerCase();
    if (bodyDropped && lower.startsWith("content-")) return false;
    if (sameOrigin) return true;
    if (lower === "host") return false;
    if (trusted && !downgrade) return true;
    return CROSS_ORIGIN_SAFE.has(lower) && !isSecretHeader(name);
  });
}
function sameRequest(a, b) {
  return a.method === b.method && a.url.origin === b.url.origin && pathOf(a.url) === pathOf(b.url);
}
function pathOf(url) {
  return `${url.pathname}${url.search}`;
}
var REDIRECT_STATUSES, CROSS_ORIGIN_SAFE, REDIRECT_NOT_RETRYABLE;
var init_http_redirect = __esm({
  "src/runners/http/http-redirect.ts"() {
    "use strict";
    init_redact();
    init_http_failure();
    REDIRECT_STATUSES = /* @__PURE__ */ new Set([300, 301, 302, 303, 307, 308]);
    CROSS_ORIGIN_SAFE = /* @__PURE__ */ new Set([
      "accept",
      "accept-encoding",
      "accept-language",
      "cache-control",
      "content-language",
      "content-type",
      "idempotency-key",
      "if-match",
      "if-modified-since",
      "if-none-match",
      "if-unmodified-since",
      "pragma",
      "range",
      "user-agent"
    ]);
    REDIRECT_NOT_RETRYABLE = "a retry would be redirected the same way";
  }
});

// src/runners/http/request-head.ts
function requestHead(url, method, given, body) {
  let host;
  let declaredLength;
  const rest = [];
  for (let i = 0; i < given.length; i += 2) {
    const name = given[i];
    const value = given[i + 1];
    const lower = name.toLowerCase();
    if (lower === "host") {
      if (host !== void 0) throw invalid("duplicate host header");
      host = value;
    } else if (lower === "content-length") {
      if (declaredLength !== void 0) throw invalid("duplicate content-length header");
      if (!/^\d+$/.test(value)) throw invalid("invalid content-length header");
      declaredLength = value;
    } else if (lower === "transfer-encoding" || lower === "keep-alive" || lower === "upgrade") {
      throw invalid(`invalid ${lower} header`);
    } else if (lower === "expect") {
      throw codedError("UND_ERR_NOT_SUPPORTED", "expect header not supported");
    } else {
      rest.push(name, value);
    }
  }
  const length = body?.length ?? 0;
  if (declaredLength !== void 0 && Number(declaredLength) !== length) {
    throw codedError(
      "UND_ERR_REQ_CONTENT_LENGTH_MISMATCH",
      "Request body length does not match content-length header"
    );
  }
  const sendsLength = length > 0 || !BODILESS_BY_DEFAULT.has(method);
  return [
    "Host",
    host ?? url.host,
    ...rest,
    ...sendsLength ? ["Content-Length", String(length)] : []
  ];
}
function invalid(message2) {
  return codedError("UND_ERR_INVALID_ARG", message2);
}
function codedError(code, message2) {
  return Object.assign(new Error(message2), { code });
}
var BODILESS_BY_DEFAULT;
var init_request_head = __esm({
  "src/runners/http/request-head.ts"() {
    "use strict";
    BODILESS_BY_DEFAULT = /* @__PURE__ */ new Set(["GET", "HEAD", "DELETE", "OPTIONS", "TRACE", "CONNECT"]);
  }
});

// src/runners/http/node-transport.ts
function createNodeTransport(options) {
  const plain = { agent: new import_node_http2.Agent({ keepAlive: true }), request: import_node_http2.request };
  let secure;
  const https = () => secure ??= Promise.resolve().then(() => __toESM(require("node:https"), 1)).then(({ Agent: HttpsAgent, request }) => ({
    agent: new HttpsAgent({ keepAlive: true, ...options.tls }),
    request
  }));
  const connected = /* @__PURE__ */ new WeakSet();
  return {
    async request(request) {
      const url = new URL(request.origin);
      const client = url.protocol === "https:" ? await https() : plain;
      return send(client, url, request, options, connected);
    },
    async destroy() {
      plain.agent.destroy();
      (await secure)?.agent.destroy();
    }
  };
}
function send(client, url, request, options, connected) {
  const { signal } = request;
  if (signal.aborted) return Promise.reject(signal.reason);
  let headers;
  try {
    headers = requestHead(url, request.method, request.headers, request.body);
  } catch (error) {
    return Promise.reject(error);
  }
  return new Promise((resolve3, reject) => {
    const req = client.request({
      agent: client.agent,
      host: url.hostname.replace(/^\[(.*)\]$/, "$1"),
      ...url.port ? { port: Number(url.port) } : {},
      method: request.method,
      path: request.path,
      headers
    });
    let response;
    const end = (error) => {
      if (response) response.destroy(error);
      req.destroy(error);
    };
    const limits = requestLimits(req, url, options, connected, end);
    const onAbort = () => end(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    const done = () => {
      limits.stop();
      signal.removeEventListener("abort", onAbort);
    };
    req.on("error", (error) => {
      done();
      reject(error);
    });
    req.on("response", (res) => {
      response = res;
      res.on("error", () => {
      });
      res.once("close", done);
      res.once("end", done);
      limits.responseHead(res);
      resolve3(responseOf(res));
    });
    req.end(request.body ?? void 0);
  });
}
function requestLimits(req, url, options, connected, end) {
  const { connectTimeoutMs, idleTimeoutMs } = options;
  const connect = idleTimer(
    connectTimeoutMs,
    () => end(
      codedError(
        "UND_ERR_CONNECT_TIMEOUT",
        `Connect Timeout Error (attempted address: ${url.host}, timeout: ${connectTimeoutMs}ms)`
      )
    )
  );
  const head = idleTimer(
    idleTimeoutMs,
    () => end(codedError("UND_ERR_HEADERS_TIMEOUT", "Headers Timeout Error"))
  );
  const body = idleTimer(
    idleTimeoutMs,
    () => end(codedError("UND_ERR_BODY_TIMEOUT", "Body Timeout Error"))
  );
  let socket;
  let stopped = false;
  const ready = () => {
    connect.stop();
    connected.add(socket);
    if (!stopped) head.start();
  };
  req.once("socket", (assigned) => {
    socket = assigned;
    const made = url.protocol === "http:" && !assigned.connecting;
    if (connected.has(assigned) || made || stopped) return ready();
    connect.start();
    assigned.once(url.protocol === "https:" ? "secureConnect" : "connect", ready);
  });
  const onData = () => body.touch();
  const onPause = () => body.stop();
  const onResume = () => body.start();
  return {
    responseHead(res) {
      head.stop();
      if (res.complete || !socket) return;
      body.start();
      socket.on("data", onData).on("pause", onPause).on("resume", onResume);
    },
    stop() {
      stopped = true;
      connect.stop();
      head.stop();
      body.stop();
      socket?.off("data", onData).off("pause", onPause).off("resume", onResume);
    }
  };
}
function idleTimer(limitMs, expire) {
  let last = 0;
  let timer;
  const arm = (ms) => {
    timer = setTimeout(check, Math.min(Math.ceil(ms), MAX_TIMER_MS));
  };
  const check = () => {
    const left = limitMs - (monotonicMs() - last);
    if (left > 0) return arm(left);
    timer = void 0;
    expire();
  };
  return {
    start() {
      if (limitMs === 0) return;
      last = monotonicMs();
      if (!timer) arm(limitMs);
    },
    touch() {
      last = monotonicMs();
    },
    stop() {
      clearTimeout(timer);
      timer = void 0;
    }
  };
}
function responseOf(res) {
  const headers = {};
  const raw = res.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    const seen = headers[name];
    const value = raw[i + 1];
    headers[name] = seen === void 0 ? value : [...Array.isArray(seen) ? seen : [seen], value];
  }
  const dump = () => new Promise((resolve3) => {
    if (res.readableEnded || res.destroyed) return resolve3();
    res.once("end", () => resolve3()).once("close", () => resolve3());
    const declared = Number(headers["content-length"]);
    if (declared > DUMP_LIMIT) return void res.destroy();
    let read = 0;
    res.on("data", (chunk) => {
      read += chunk.length;
      if (read > DUMP_LIMIT) res.destroy();
    });
  });
  return {
    statusCode: res.statusCode,
    statusText: res.statusMessage,
    headers,
    body: Object.assign(res, { dump })
  };
}
var import_node_http2, DUMP_LIMIT;
var init_node_transport = __esm({
  "src/runners/http/node-transport.ts"() {
    "use strict";
    import_node_http2 = require("node:http");
    init_clock();
    init_monotonic();
    init_request_head();
    DUMP_LIMIT = 128 * 1024;
  }
});

// src/runners/http/undici-transport.ts
var undici_transport_exports = {};
__export(undici_transport_exports, {
  createUndiciTransport: () => createUndiciTransport
});
function createUndiciTransport(options) {
  const { tls } = options;
  const agent = new import_undici.EnvHttpProxyAgent({
    connect: { ...tls, timeout: options.connectTimeoutMs },
    requestTls: tls,
    // Like curl: an http:// URL goes to the proxy as a plain request, https:// through CONNECT.
    proxyTunnel: false,
    // --idle-timeout (README "Timeouts in HTTP mode"): the whole head must come within it,
    // so headers trickled a byte at a time cannot hold an attempt; then no pause in the body
    // may last longer. undici does not count a pause that retry-run's own writing causes.
    headersTimeout: undiciIdleLimit(options.idleTimeoutMs),
    bodyTimeout: undiciIdleLimit(options.idleTimeoutMs)
  });
  return {
    request: ({ method, ...rest }) => agent.request({ ...rest, method }),
    destroy: () => agent.destroy()
  };
}
function undiciIdleLimit(ms) {
  return ms === 0 ? 0 : ms + UNDICI_TICK_MS;
}
var import_undici, UNDICI_TICK_MS;
var init_undici_transport = __esm({
  "src/runners/http/undici-transport.ts"() {
    "use strict";
    import_undici = require("./vendor/undici.cjs");
    UNDICI_TICK_MS = 500;
  }
});

// src/runners/http/transport.ts
async function openTransport(options) {
  if (!proxyIsSet(process.env)) return createNodeTransport(options);
  const { createUndiciTransport: createUndiciTransport2 } = await Promise.resolve().then(() => (init_undici_transport(), undici_transport_exports));
  return createUndiciTransport2(options);
}
var init_transport = __esm({
  "src/runners/http/transport.ts"() {
    "use strict";
    init_node_transport();
    init_proxy_env();
  }
});

// src/runners/http/http.ts
var http_exports = {};
__export(http_exports, {
  createHttpRunner: () => createHttpRunner
});
async function createHttpRunner(options) {
  const { http } = options;
  const body = await loadRequestBody(http.body, () => options.stdin);
  const ca = http.cacert === void 0 ? void 0 : await readInputFile(http.cacert, "--cacert");
  const output = http.output === void 0 ? void 0 : await resolveOutput(http.output);
  const tls = { rejectUnauthorized: !http.insecure, ...ca ? { ca } : {} };
  const transport = await openTransport({
    // The connect timeout is one timer: one too long for it is no limit (the kernel gives up a
    // connect within minutes), never a limit that fires at once.
    connectTimeoutMs: timerOrNone(http.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs),
    idleTimeoutMs: http.idleTimeoutMs,
    tls
  });
  const redact = createRedactor().with(http.secrets);
  const stdoutSink = output ? void 0 : streamSink(options.stdout);
  const url = new URL(http.url);
  const attempt = {
    http,
    transport,
    request: { url, method: http.method, headers: http.headers, body: body ?? null },
    redact,
    now: options.now ?? Date.now,
    newSink: () => stdoutSink ?? fileSink(output)
  };
  return {
    description: http.description,
    run: (context) => runOnce2(attempt, context),
    // Every request is over by now: end the sockets at once rather than wait out keep-alive.
    close: async () => void await transport.destroy()
  };
}
async function runOnce2(runner, context) {
  const started = monotonicMs();
  let timedOut2;
  const limit = context.timeLimit && new AbortController();
  const cancelLimit = context.timeLimit && setLongTimeout(() => {
    timedOut2 = context.timeLimit.reason;
    limit.abort(new Error("time limit"));
  }, context.timeLimit.ms);
  const signal = limit ? AbortSignal.any([context.signal, limit.signal]) : context.signal;
  let sink;
  let outcome;
  let neverSent = false;
  try {
    const { response, refused, note } = await send2(runner, signal);
    if (refused) {
      outcome = refused;
    } else {
      sink = expected(response.statusCode, runner.http.expect) ? runner.newSink() : void 0;
      outcome = await handleResponse(runner, response, sink, note);
    }
  } catch (error) {
    ({ neverSent, ...outcome } = failedAttempt(runner, context, error, timedOut2, sink));
  } finally {
    if (cancelLimit) cancelLimit();
  }
  if (sink && !outcome.ok) await sink.discard();
  if (!outcome.ok && !neverSent && !runner.http.retryable) {
    outcome.notRetryableBecause ??= `${runner.http.method} is not idempotent and may have taken effect; give --idempotency-key or --retry-unsafe to retry it`;
  }
  if (outcome.message) outcome.message = runner.redact(outcome.message);
  return { ...outcome, durationMs: Math.round(monotonicMs() - started) };
}
async function send2(runner, signal) {
  const chain = startRedirectChain(runner.request, runner.http);
  for (; ; ) {
    const { url, method, headers, body } = chain.current;
    const response = await runner.transport.request({
      origin: url.origin,
      path: pathOf(url),
      method,
      headers: headers.flat(),
      body,
      signal
    });
    const status = response.statusCode;
    const decision = expected(status, runner.http.expect) ? { kind: "answer" } : chain.next(status, headerOf(response, "location"));
    if (decision.kind === "answer") return { response, note: decision.note };
    await response.body.dump();
    if (decision.kind === "refuse") {
      const { exitCode, message: message2 } = decision;
      const refused = { ok: false, status, exitCode, message: message2 };
      return { response, refused: { ...refused, notRetryableBecause: REDIRECT_NOT_RETRYABLE } };
    }
  }
}
function headerOf(response, name) {
  const value = response.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}
async function handleResponse(runner, response, sink, note) {
  const { statusCode: status } = response;
  const header2 = (name) => headerOf(response, name);
  const serverWait = () => {
    const wait = serverWaitFromHeaders(header2, status, runner.now());
    return wait ? { serverWaitMs: wait.ms, waitHeader: wait.header } : {};
  };
  if (!sink) {
    const snippet = await readSnippet(response.body);
    const { waitHeader, ...wait } = serverWait();
    const message2 = [response.statusText || void 0, note, waitHeader].filter(Boolean);
    return {
      ok: false,
      status,
      exitCode: HTTP_EXIT.status,
      ...wait,
      ...message2.length ? { message: message2.join(", ") } : {},
      ...snippet ? { bodySnippet: runner.redact(snippet) } : {}
    };
  }
  const pattern = runner.http.expectBody;
  if (pattern) {
    const text = await readForMatch(response.body);
    if (text === void 0 || !pattern.test(text)) {
      const { waitHeader, ...wait } = serverWait();
      const why = text === void 0 ? `the body is larger than ${MAX_MATCHED_BODY_BYTES / 1024 / 1024} MiB, too large for --expect-body` : `the body does not match --expect-body ${pattern.text}`;
      return {
        ok: false,
        status,
        exitCode: HTTP_EXIT.status,
        failureClass: "body",
        ...wait,
        message: waitHeader ? `${why}, ${waitHeader}` : why,
        ...text ? { bodySnippet: runner.redact(text.slice(0, SNIPPET_BYTES)) } : {}
      };
    }
    await sink.write(Buffer.from(text));
  } else {
    await eachChunk(response.body, (chunk) => sink.write(chunk));
  }
  await sink.commit();
  return { ok: true, status, exitCode: 0 };
}
function failedAttempt(runner, context, error, timedOut2, sink) {
  const partial = sink && sink.written > 0 && runner.http.output === void 0 ? {
    notRetryableBecause: `${sink.written} bytes of the body already went to stdout; use --output to make such a download retryable`
  } : {};
  if (isBodyWriteError(error)) {
    return {
      ok: false,
      exitCode: HTTP_EXIT.write,
      errorCode: error.systemCode,
      message: error.message,
      notRetryableBecause: "the body could not be written",
      neverSent: false
    };
  }
  if (timedOut2) {
    const flag = timedOut2 === "timeout" ? "--timeout" : "--deadline";
    return {
      ok: false,
      exitCode: HTTP_EXIT.timeout,
      timedOut: timedOut2,
      message: `no complete response within ${formatDuration(context.timeLimit?.ms ?? 0)} (${flag})`,
      ...partial,
      neverSent: false
    };
  }
  if (context.signal.aborted) {
    return { ok: false, exitCode: HTTP_EXIT.reset, message: "interrupted", neverSent: false };
  }
  return { ...requestFailure(error, runner.http.idleTimeoutMs), ...partial };
}
function expected(status, ranges) {
  return ranges.some((range) => status >= range.min && status <= range.max);
}
async function readSnippet(body) {
  const { bytes } = await readUpTo(body, SNIPPET_BYTES);
  return bytes.subarray(0, SNIPPET_BYTES).toString("utf8");
}
async function readForMatch(body) {
  const { bytes, complete } = await readUpTo(body, MAX_MATCHED_BODY_BYTES + 1);
  return complete && bytes.length <= MAX_MATCHED_BODY_BYTES ? bytes.toString("utf8") : void 0;
}
async function readUpTo(body, limit) {
  const chunks2 = [];
  let size = 0;
  let complete = true;
  await eachChunk(body, (chunk) => {
    chunks2.push(chunk);
    size += chunk.length;
    if (size < limit) return void 0;
    complete = false;
    return STOP;
  });
  return { bytes: Buffer.concat(chunks2), complete };
}
function timerOrNone(ms) {
  return ms > MAX_TIMER_MS ? 0 : ms;
}
var SNIPPET_BYTES, MAX_MATCHED_BODY_BYTES;
var init_http2 = __esm({
  "src/runners/http/http.ts"() {
    "use strict";
    init_monotonic();
    init_each_chunk();
    init_clock();
    init_defaults();
    init_duration();
    init_server_wait();
    init_redact();
    init_errors();
    init_http_body();
    init_http_failure();
    init_http_redirect();
    init_transport();
    SNIPPET_BYTES = 2048;
    MAX_MATCHED_BODY_BYTES = 16 * 1024 * 1024;
  }
});

// src/store/make-directory.ts
async function makeDirectory(path, mode) {
  try {
    (0, import_node_fs15.mkdirSync)(path, { mode });
    return;
  } catch (error) {
    const code = error.code;
    if (code === "EEXIST") return;
    const parent = (0, import_node_path11.dirname)(path);
    if (code !== "ENOENT" || parent === path) throw error;
  }
  await makeDirectory((0, import_node_path11.dirname)(path), mode);
  try {
    (0, import_node_fs15.mkdirSync)(path, { mode });
  } catch (error) {
    if (error.code !== "EEXIST") throw error;
  }
}
var import_node_fs15, import_node_path11;
var init_make_directory = __esm({
  "src/store/make-directory.ts"() {
    "use strict";
    import_node_fs15 = require("node:fs");
    import_node_path11 = require("node:path");
  }
});

// src/store/safe-dir.ts
function createDirGuard(root) {
  const safe = /* @__PURE__ */ new Set();
  const check = async (dir, create, follow) => {
    if (safe.has(dir)) return true;
    const look = () => follow ? (0, import_node_fs16.statSync)(dir) : (0, import_node_fs16.lstatSync)(dir);
    let stats;
    try {
      stats = look();
    } catch (error) {
      if (error.code !== "ENOENT") {
        throw storeErrorFrom(error, `state store ${root}`);
      }
      if (!create) return false;
      try {
        await makeDirectory(dir, 448);
        stats = look();
      } catch (made) {
        throw storeErrorFrom(made, `state store ${root}`);
      }
    }
    const problem = unsafeBecause(stats);
    if (problem) throw new StoreError("unsafe", `state dir ${dir} ${problem}: refused`);
    safe.add(dir);
    return true;
  };
  return {
    /**
     * Makes sure the folder of `collection` is safe to use; with `create`, creates it (and
     * the state dir). False when it does not exist (and `create` is off): nothing stored yet.
     */
    async folder(collection, create) {
      return await check(root, create, true) && check((0, import_node_path12.join)(root, collection), create, false);
    }
  };
}
function unsafeBecause(stats) {
  if (stats.isSymbolicLink()) return "is a symbolic link";
  if (!stats.isDirectory()) return "is not a directory";
  const me = process.getuid?.();
  if (me === void 0) return void 0;
  if (stats.uid !== me && stats.uid !== 0) {
    return `is owned by uid ${stats.uid}, not by this user (uid ${me})`;
  }
  const sticky = (stats.mode & 512) !== 0;
  if ((stats.mode & 18) !== 0 && !sticky) {
    const mode = (stats.mode & 511).toString(8).padStart(4, "0");
    return `is writable by others (mode ${mode}) without the sticky bit`;
  }
  return void 0;
}
var import_node_fs16, import_node_path12;
var init_safe_dir = __esm({
  "src/store/safe-dir.ts"() {
    "use strict";
    import_node_fs16 = require("node:fs");
    import_node_path12 = require("node:path");
    init_make_directory();
    init_store();
  }
});

// src/store/state-file.ts
async function readDocumentFile(path) {
  return withStateFile(path, READ, async (file, stats) => {
    if (stats.size > MAX_DOCUMENT_BYTES) {
      throw new StoreError(
        "corrupt",
        `${path} is over ${MAX_DOCUMENT_BYTES / 1024} KiB: not a state document`
      );
    }
    return file.readFile("utf8");
  });
}
async function readLogFile(path) {
  return withStateFile(path, READ, async (file, stats) => {
    if (stats.size <= MAX_LOG_BYTES) return { text: await file.readFile("utf8"), cut: false };
    const tail = Buffer.alloc(MAX_LOG_BYTES);
    const { bytesRead } = await file.read(tail, 0, MAX_LOG_BYTES, stats.size - MAX_LOG_BYTES);
    const text = tail.subarray(0, bytesRead).toString("utf8");
    return { text: text.slice(text.indexOf("\n") + 1), cut: true };
  });
}
function appendIfRoom(path, line, limit) {
  let fd;
  try {
    fd = (0, import_node_fs17.openSync)(path, READ_APPEND, 384);
  } catch (error) {
    throw openError(path, error);
  }
  try {
    const stats = (0, import_node_fs17.fstatSync)(fd);
    if (!stats.isFile()) throw notRegular(path);
    if (stats.size > MAX_LOG_BYTES) return false;
    const { lines, endsLine } = countLines(fd, stats.size, limit);
    if (lines >= limit) return false;
    const torn = !endsLine;
    const bytes = Buffer.from(`${torn ? "\n" : ""}${line}
`);
    for (let written = 0; written < bytes.length; ) {
      written += (0, import_node_fs17.writeSync)(fd, bytes, written, bytes.length - written);
    }
    return true;
  } catch (error) {
    throw storeErrorFrom(error, `cannot use ${path}`);
  } finally {
    (0, import_node_fs17.closeSync)(fd);
  }
}
function countLines(fd, size, limit) {
  const chunk = Buffer.allocUnsafe(Math.min(size, COUNT_CHUNK_BYTES));
  let lines = 0;
  let last = NEWLINE;
  for (let at = 0; at < size && lines < limit; ) {
    const got = (0, import_node_fs17.readSync)(fd, chunk, 0, Math.min(chunk.length, size - at), at);
    if (got === 0) break;
    const text = chunk.toString("latin1", 0, got);
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lines++;
    last = chunk[got - 1];
    at += got;
  }
  return { lines, endsLine: last === NEWLINE };
}
async function withStateFile(path, flags, use, mode) {
  let file;
  try {
    file = await open(path, flags, mode);
  } catch (error) {
    if (error.code === "ENOENT") return void 0;
    throw openError(path, error);
  }
  try {
    const stats = await file.stat();
    if (!stats.isFile()) throw notRegular(path);
    return await use(file, stats);
  } catch (error) {
    throw storeErrorFrom(error, `cannot use ${path}`);
  } finally {
    await file.close();
  }
}
function openError(path, error) {
  if (error.code === "ELOOP") {
    return new StoreError("corrupt", `${path} is a symbolic link: refused, never followed`);
  }
  return storeErrorFrom(error, `cannot open ${path}`);
}
function notRegular(path) {
  return new StoreError("corrupt", `${path} is not a regular file: refused`);
}
var import_node_fs17, MAX_DOCUMENT_BYTES, MAX_LOG_BYTES, READ, APPEND, READ_APPEND, COUNT_CHUNK_BYTES, NEWLINE;
var init_state_file = __esm({
  "src/store/state-file.ts"() {
    "use strict";
    import_node_fs17 = require("node:fs");
    init_promises();
    init_store();
    MAX_DOCUMENT_BYTES = 64 * 1024;
    MAX_LOG_BYTES = 8 * 1024 * 1024;
    READ = import_node_fs17.constants.O_RDONLY | import_node_fs17.constants.O_NOFOLLOW | import_node_fs17.constants.O_NONBLOCK;
    APPEND = import_node_fs17.constants.O_WRONLY | import_node_fs17.constants.O_APPEND | import_node_fs17.constants.O_CREAT | import_node_fs17.constants.O_NOFOLLOW | import_node_fs17.constants.O_NONBLOCK;
    READ_APPEND = APPEND & ~import_node_fs17.constants.O_WRONLY | import_node_fs17.constants.O_RDWR;
    COUNT_CHUNK_BYTES = 64 * 1024;
    NEWLINE = 10;
  }
});

// src/store/state-name.ts
function encodeName(name) {
  if (name === "") throw new StoreError("unwritable", "a state name cannot be empty");
  let plain;
  try {
    plain = encodeURIComponent(name).replace(/^\./, "%2E").replace(/\*/g, "%2A");
  } catch {
    throw new StoreError("unwritable", "a state name must be valid Unicode");
  }
  if (plain.length <= MAX_PLAIN) return plain;
  const bytes = Buffer.from(name, "utf8");
  if (bytes.length > MAX_STATE_NAME_BYTES) {
    throw new StoreError("unwritable", `a state name is at most ${MAX_STATE_NAME_BYTES} bytes`);
  }
  return BASE64_MARK + bytes.toString("base64url");
}
function decodeName(encoded) {
  try {
    const name = encoded.startsWith(BASE64_MARK) ? Buffer.from(encoded.slice(BASE64_MARK.length), "base64url").toString("utf8") : decodeURIComponent(encoded);
    return encodeName(name) === encoded ? name : void 0;
  } catch {
    return void 0;
  }
}
var MAX_PLAIN, BASE64_MARK, MAX_STATE_NAME_BYTES;
var init_state_name = __esm({
  "src/store/state-name.ts"() {
    "use strict";
    init_store();
    MAX_PLAIN = 200;
    BASE64_MARK = "%~";
    MAX_STATE_NAME_BYTES = 150;
  }
});

// src/store/file-store.ts
function createFileStore(options) {
  const lock = { ...DEFAULT_LOCK, ...options.lock };
  const now = options.now ?? Date.now;
  const folder = (collection) => (0, import_node_path13.join)(options.dir, collection);
  const path = (collection, name, suffix) => (0, import_node_path13.join)(folder(collection), `${encodeName(name)}${suffix}`);
  const guard = createDirGuard(options.dir);
  const locked = async (collection, file, body) => {
    try {
      await guard.folder(collection, true);
      return await withFileLock(`${file}.lock`, lock, body);
    } catch (error) {
      throw storeErrorFrom(error, `state store ${options.dir}`);
    }
  };
  return {
    location: options.dir,
    async read(collection, name) {
      if (!await guard.folder(collection, false)) return void 0;
      return readDocument(path(collection, name, ".json"));
    },
    async update(collection, name, change) {
      const file = path(collection, name, ".json");
      return locked(collection, file, async (stillHeld) => {
        const current = await readDocument(file);
        const next = change(current);
        if (next !== current) await writeAtomic(file, JSON.stringify(next), stillHeld);
        return next;
      });
    },
    async list(collection) {
      if (!await guard.folder(collection, false)) return [];
      return listNames(folder(collection), ".json");
    },
    async delete(collection, name) {
      const file = path(collection, name, ".json");
      return locked(collection, file, async () => {
        await removeIfPresent(path(collection, name, ".lease"));
        return removeIfPresent(file);
      });
    },
    async acquireLease(collection, name, holder2, ttlMs) {
      const file = path(collection, name, ".json");
      const leaseFile = path(collection, name, ".lease");
      return locked(collection, file, async (stillHeld) => {
        const lease = await readLease(leaseFile);
        if (lease && lease.holder !== holder2 && lease.expiresAt > now()) return false;
        await writeAtomic(
          leaseFile,
          JSON.stringify({ holder: holder2, expiresAt: now() + ttlMs }),
          stillHeld
        );
        return true;
      });
    },
    async releaseLease(collection, name, holder2) {
      const file = path(collection, name, ".json");
      const leaseFile = path(collection, name, ".lease");
      await locked(collection, file, async () => {
        if ((await readLease(leaseFile))?.holder === holder2) await removeIfPresent(leaseFile);
      });
    },
    async append(collection, name, record, { keep }) {
      const file = path(collection, name, ".jsonl");
      await locked(collection, file, async (stillHeld) => {
        if (appendIfRoom(file, JSON.stringify(record), logLimit(keep))) return;
        const text = (await readLogFile(file))?.text ?? "";
        const lines = [...text.split("\n").filter((l) => l !== ""), JSON.stringify(record)];
        await writeAtomic(file, `${lines.slice(-keep).join("\n")}
`, stillHeld);
      });
    },
    async readLog(collection, name) {
      if (!await guard.folder(collection, false)) return [];
      const log = await readLogFile(path(collection, name, ".jsonl"));
      return log === void 0 ? [] : parseLogLines(log.text.split("\n"));
    },
    async listLogs(collection) {
      if (!await guard.folder(collection, false)) return [];
      return listNames(folder(collection), ".jsonl");
    },
    async deleteLog(collection, name) {
      const file = path(collection, name, ".jsonl");
      return locked(collection, file, async () => removeIfPresent(file));
    },
    async close() {
    }
  };
}
async function readDocument(file) {
  const text = await readDocumentFile(file);
  if (text === void 0) return void 0;
  return parseDocument(text, file);
}
async function readLease(file) {
  const text = await readDocumentFile(file);
  if (text === void 0) return void 0;
  try {
    return JSON.parse(text);
  } catch {
    return void 0;
  }
}
async function listNames(folder, suffix) {
  let entries;
  try {
    entries = await readdir(folder);
  } catch (error) {
    if (error.code === "ENOENT") return [];
    throw storeErrorFrom(error, `cannot list ${folder}`);
  }
  return entries.filter((entry) => entry.endsWith(suffix)).map((entry) => decodeName(entry.slice(0, -suffix.length))).filter((name) => name !== void 0).sort();
}
async function removeIfPresent(file) {
  try {
    await unlink(file);
    return true;
  } catch (error) {
    if (error.code === "ENOENT") return false;
    throw error;
  }
}
function writeAtomic(file, text, stillHeld) {
  return writeFileAtomic(file, text, {
    mode: 384,
    beforeRename: async () => {
      if (!await stillHeld()) {
        throw new StoreError("busy", `lost the lock on ${file} (held too long); nothing written`);
      }
    }
  });
}
var import_node_path13, DEFAULT_LOCK;
var init_file_store = __esm({
  "src/store/file-store.ts"() {
    "use strict";
    init_promises();
    import_node_path13 = require("node:path");
    init_atomic_write();
    init_file_lock();
    init_safe_dir();
    init_state_file();
    init_state_name();
    init_store();
    init_state_name();
    DEFAULT_LOCK = { staleMs: 1e4, timeoutMs: 15e3 };
  }
});

// src/store/redis-store.ts
function createRedisStore(options) {
  const idleMs = options.idleExpiryMs ?? DEFAULT_IDLE_EXPIRY_MS;
  const key = (kind, collection, name = "") => `${KEY_PREFIX}:${kind}:${collection}:${name}`;
  const connectTimeoutMs = options.connectTimeoutMs ?? REDIS_CONNECT_TIMEOUT_MS;
  const commandTimeoutMs = options.commandTimeoutMs ?? REDIS_COMMAND_TIMEOUT_MS;
  let connection;
  let queue = Promise.resolve();
  let broken;
  const connect = async () => {
    const loaded = await Promise.resolve().then(() => __toESM(require("./vendor/ioredis.cjs"), 1));
    const interop = loaded;
    const Redis = loaded.Redis ?? interop.default?.Redis;
    if (!Redis) throw new Error("ioredis could not be loaded");
    const redis = new Redis(options.url, {
      lazyConnect: true,
      connectTimeout: connectTimeoutMs,
      commandTimeout: commandTimeoutMs,
      // Dropping a link that no longer answers closes the socket at once: by default ioredis
      // waits 2 s for the server to close its side, which keeps the process alive.
      disconnectTimeout: 0,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null
    });
    let socketError;
    redis.on("error", (error) => socketError = error);
    try {
      await withinMs(redis.connect(), connectTimeoutMs, () => redis.disconnect());
    } catch (error) {
      if (redis.status !== "end") redis.disconnect();
      const detail = (socketError ?? error)?.message ?? String(error);
      throw new StoreError(
        "unreachable",
        `cannot connect to Redis at ${options.location} (${detail})`,
        {
          cause: error
        }
      );
    }
    return redis;
  };
  const run = (what, body) => {
    const next = queue.then(async () => {
      if (broken) throw broken;
      try {
        connection ??= connect();
        return await body(await connection);
      } catch (error) {
        if (error instanceof StoreError) throw error;
        const isReply = error?.name === "ReplyError";
        const failure = storeErrorFrom(
          timedOut(error) ? new Error(`no answer within ${commandTimeoutMs}ms`) : error,
          `Redis state store ${options.location}: ${what}`,
          isReply ? "unwritable" : "unreachable"
        );
        if (!isReply) {
          broken = failure;
          void connection?.then(
            (redis) => redis.disconnect(),
            () => {
            }
          );
        }
        throw failure;
      }
    });
    queue = next.catch(() => {
    });
    return next;
  };
  const scanNames = (kind, collection) => run("list", async (redis) => {
    const prefix = key(kind, collection);
    const names = /* @__PURE__ */ new Set();
    let cursor = "0";
    do {
      const [nextCursor, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
      cursor = nextCursor;
      for (const k of keys) names.add(k.slice(prefix.length));
    } while (cursor !== "0");
    return [...names].sort();
  });
  return {
    location: options.location,
    read(collection, name) {
      return run("read", async (redis) => {
        const raw = await redis.get(key("doc", collection, name));
        return raw === null ? void 0 : parseDocument(raw, `${options.location} ${name}`);
      });
    },
    update(collection, name, change) {
      const docKey = key("doc", collection, name);
      return run("update", async (redis) => {
        for (let round2 = 0; round2 < MAX_UPDATE_ROUNDS; round2++) {
          await redis.watch(docKey);
          const raw = await redis.get(docKey);
          let next;
          let current;
          try {
            current = raw === null ? void 0 : parseDocument(raw, `${options.location} ${name}`);
            next = change(current);
          } catch (error) {
            await redis.unwatch();
            throw error;
          }
          if (next === current) {
            await redis.unwatch();
            return next;
          }
          const result = await redis.multi().set(docKey, JSON.stringify(next), "PX", idleMs).exec();
          if (result !== null) return next;
          await new Promise(
            (resolve3) => setTimeout(resolve3, Math.random() * Math.min(20, round2 + 1))
          );
        }
        throw new StoreError("busy", `too much contention updating ${name}`);
      });
    },
    list: (collection) => scanNames("doc", collection),
    delete(collection, name) {
      return run("delete", async (redis) => {
        const [deleted] = await Promise.all([
          redis.del(key("doc", collection, name)),
          redis.del(key("lease", collection, name))
        ]);
        return deleted > 0;
      });
    },
    acquireLease(collection, name, holder2, ttlMs) {
      return run("acquire lease", async (redis) => {
        const taken = await redis.eval(
          ACQUIRE_LEASE,
          1,
          key("lease", collection, name),
          holder2,
          String(Math.max(1, Math.round(ttlMs)))
        );
        return taken === 1;
      });
    },
    async releaseLease(collection, name, holder2) {
      await run(
        "release lease",
        (redis) => redis.eval(RELEASE_LEASE, 1, key("lease", collection, name), holder2)
      );
    },
    async append(collection, name, record, { keep }) {
      const logKey = key("log", collection, name);
      await run(
        "append",
        (redis) => redis.multi().rpush(logKey, JSON.stringify(record)).ltrim(logKey, -Math.max(1, keep), -1).pexpire(logKey, idleMs).exec()
      );
    },
    readLog(collection, name) {
      return run(
        "read log",
        async (redis) => parseLogLines(await redis.lrange(key("log", collection, name), 0, -1))
      );
    },
    listLogs: (collection) => scanNames("log", collection),
    deleteLog(collection, name) {
      return run(
        "delete log",
        async (redis) => await redis.del(key("log", collection, name)) > 0
      );
    },
    async close() {
      if (!connection) return;
      const pending = connection;
      connection = void 0;
      await queue;
      try {
        const redis = await pending;
        if (broken) redis.disconnect();
        else await redis.quit();
      } catch {
      }
    }
  };
}
function timedOut(error) {
  return error?.message === "Command timed out";
}
function withinMs(promise, ms, onTimeout) {
  let timer;
  let settled = false;
  const expired = new Promise((_, reject) => {
    timer = setTimeout(
      () => setImmediate(() => {
        if (settled) return;
        onTimeout();
        reject(new Error(`no answer within ${ms}ms`));
      }),
      ms
    );
  });
  return Promise.race([promise, expired]).finally(() => {
    settled = true;
    clearTimeout(timer);
  });
}
var REDIS_CONNECT_TIMEOUT_MS, REDIS_COMMAND_TIMEOUT_MS, KEY_PREFIX, DEFAULT_IDLE_EXPIRY_MS, MAX_UPDATE_ROUNDS, ACQUIRE_LEASE, RELEASE_LEASE;
var init_redis_store = __esm({
  "src/store/redis-store.ts"() {
    "use strict";
    init_store();
    REDIS_CONNECT_TIMEOUT_MS = 5e3;
    REDIS_COMMAND_TIMEOUT_MS = 3e3;
    KEY_PREFIX = "retry-run";
    DEFAULT_IDLE_EXPIRY_MS = 30 * 24 * 36e5;
    MAX_UPDATE_ROUNDS = 200;
    ACQUIRE_LEASE = `
local holder = redis.call('GET', KEYS[1])
if holder == false or holder == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0`;
    RELEASE_LEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;
  }
});

// src/store/unavailable-store.ts
function createUnavailableStore(reason) {
  const fail = () => Promise.reject(new StoreError("unwritable", reason));
  return {
    location: "(no state directory)",
    read: fail,
    update: fail,
    list: fail,
    delete: fail,
    acquireLease: fail,
    releaseLease: fail,
    append: fail,
    readLog: fail,
    listLogs: fail,
    deleteLog: fail,
    close: () => Promise.resolve()
  };
}
var init_unavailable_store = __esm({
  "src/store/unavailable-store.ts"() {
    "use strict";
    init_store();
  }
});

// src/store/open-store.ts
function openStore(location) {
  if (location.kind === "unavailable") return createUnavailableStore(location.reason);
  return location.kind === "redis" ? createRedisStore({ url: location.url, location: location.display }) : createFileStore({ dir: location.dir });
}
var init_open_store = __esm({
  "src/store/open-store.ts"() {
    "use strict";
    init_file_store();
    init_redis_store();
    init_unavailable_store();
    init_location();
  }
});

// src/explain/schedule-text.ts
function renderSchedule(policy, plan, style) {
  const { formula, random } = strategyNamed(policy.strategy);
  const lines = [`${style.bold(`strategy ${policy.strategy}`)}: ${formula}`];
  if (plan.rows.length === 0 && !plan.cutByDeadline) {
    lines.push("a single attempt (--max 1): no waits");
  } else {
    const rows = foldRuns(plan.rows).map((run) => rowLine(run, random, style));
    lines.push(style.dim(header(random)), ...elide(rows));
  }
  lines.push(...footnotes(policy, plan, style));
  return lines;
}
function foldRuns(rows) {
  const runs = [];
  for (const row2 of rows) {
    const run = runs.at(-1);
    if (run && run.last.capped && sameDelays(run.last, row2)) run.last = row2;
    else runs.push({ first: row2, last: row2 });
  }
  return runs;
}
function sameDelays(a, b) {
  return a.minMs === b.minMs && a.medianMs === b.medianMs && a.maxMs === b.maxMs && a.capped === b.capped && a.deadlineMayEnd === b.deadlineMayEnd;
}
function header(random) {
  const names = random ? ["min", "median", "max", "\u03A3 median", "\u03A3 max"] : ["wait", "\u03A3 waited"];
  return `${"retry".padStart(RETRY_WIDTH)} ${cols(names)}`;
}
function rowLine({ first, last }, random, style) {
  const label = first === last ? `${first.retry}` : `${first.retry}-${last.retry}`;
  const d = formatDuration;
  const cells = random ? [first.minMs, first.medianMs, first.maxMs, last.cumulativeMedianMs, last.cumulativeMaxMs] : [first.minMs, last.cumulativeMaxMs];
  const notes = [
    first.capped ? style.yellow("cap") : "",
    first.deadlineMayEnd ? style.red("deadline?") : ""
  ].filter(Boolean);
  return `${label.padStart(RETRY_WIDTH)} ${cols(cells.map(d))}  ${notes.join(" ")}`.trimEnd();
}
function cols(values) {
  return values.map((v) => v.padStart(COLUMN_WIDTH)).join(" ");
}
function elide(lines) {
  if (lines.length <= MAX_LINES) return lines;
  const hidden = lines.length - HEAD_LINES - TAIL_LINES;
  return [
    ...lines.slice(0, HEAD_LINES),
    `      \u2026 ${hidden} more lines \u2026`,
    ...lines.slice(-TAIL_LINES)
  ];
}
function footnotes(policy, plan, style) {
  const d = formatDuration;
  const notes = [];
  if (plan.rows.length > 0) {
    const what = strategyNamed(policy.strategy).random ? "the medians and the maxima" : "the waits";
    notes.push(style.dim(`\u03A3: ${what} added up so far (attempts' own time not counted)`));
  }
  if (plan.sampled) {
    notes.push(
      style.dim(
        `median: sampled from ${plan.sampled.samples} seeded runs (seed ${plan.sampled.seed}); min and max are exact`
      )
    );
  }
  if (plan.rows.some((row2) => row2.capped)) {
    notes.push(style.dim(`cap: the cap (${d(policy.capMs)}) clamps this wait`));
  }
  if (plan.rows.some((row2) => row2.deadlineMayEnd)) {
    notes.push(
      style.dim(
        `deadline?: at worst the deadline (${d(policy.deadlineMs ?? 0)}) ends the run before this wait`
      )
    );
  }
  if (plan.cutByDeadline) {
    const { retry: retry2, earliestEndMs } = plan.cutByDeadline;
    notes.push(
      `the deadline (${d(policy.deadlineMs ?? 0)}) always ends the run before retry ${retry2}`,
      `  (that wait would end at ${d(earliestEndMs)} at the earliest): at most ${retry2} attempts run`
    );
  }
  if (plan.unbounded) {
    notes.push(`--max inf: attempts go on without limit; every later wait is like the last row`);
  }
  if (plan.worstCaseMs === Infinity) {
    notes.push(
      `worst case: ${style.bold("\u221E")} (--max inf without --deadline: only success, a stop condition or a signal ends the run)`
    );
  } else {
    notes.push(`worst case: ${style.bold(d(plan.worstCaseMs))} ${worstCaseDetail(policy, plan)}`);
  }
  return notes;
}
function worstCaseDetail(policy, plan) {
  if (plan.unbounded) return `(\u221E attempts: the deadline is the bound)`;
  const attempts = plan.rows.length + 1;
  const waits = formatDuration(plan.rows.at(-1)?.cumulativeMaxMs ?? 0);
  const what = plan.worstCaseIncludesAttempts ? `(${attempts} attempts \xD7 ${formatDuration(policy.timeoutMs ?? 0)} + ${waits} of waits` : `(waits only: give --timeout to count the attempts too`;
  return plan.worstCaseBoundedByDeadline ? `${what}; bounded by the deadline)` : `${what})`;
}
var MAX_LINES, HEAD_LINES, TAIL_LINES, RETRY_WIDTH, COLUMN_WIDTH;
var init_schedule_text = __esm({
  "src/explain/schedule-text.ts"() {
    "use strict";
    init_duration();
    init_strategies();
    MAX_LINES = 40;
    HEAD_LINES = 30;
    TAIL_LINES = 5;
    RETRY_WIDTH = 9;
    COLUMN_WIDTH = 9;
  }
});

// src/backoff/schedule.ts
function planSchedule(policy, options = {}) {
  const unbounded = !Number.isFinite(policy.maxAttempts);
  const retries = unbounded ? UNBOUNDED_PREVIEW_RETRIES : Math.max(0, policy.maxAttempts - 1);
  const samples = options.samples ?? DEFAULT_SCHEDULE_SAMPLES;
  const seed = options.seed ?? 1;
  const strategy = strategyNamed(policy.strategy);
  const sampling = strategy.median === void 0;
  const medians = sampling ? sampledMedians(strategy, policy, retries, samples, seed) : [];
  const rows = [];
  let cutByDeadline;
  let previousMax = policy.baseMs;
  let cumulativeMinMs = 0;
  let cumulativeMedianMs = 0;
  let cumulativeMaxMs = 0;
  for (let retry2 = 1; retry2 <= retries; retry2++) {
    const bounds = strategy.bounds(policy, retry2, previousMax);
    const { minMs, maxMs } = bounds;
    const medianMs = strategy.median?.(bounds) ?? medians[Math.min(retry2, medians.length) - 1] ?? minMs;
    const capped = strategy.capped(policy, retry2, previousMax);
    const last = rows.at(-1);
    if (unbounded && last && last.minMs === minMs && last.maxMs === maxMs) break;
    previousMax = maxMs;
    cumulativeMinMs += minMs;
    cumulativeMedianMs += medianMs;
    cumulativeMaxMs += maxMs;
    if (policy.deadlineMs !== void 0 && cumulativeMinMs >= policy.deadlineMs) {
      cutByDeadline = { retry: retry2, earliestEndMs: cumulativeMinMs };
      break;
    }
    const latestEndMs = cumulativeMaxMs + retry2 * (policy.timeoutMs ?? 0);
    rows.push({
      retry: retry2,
      minMs,
      medianMs,
      maxMs,
      cumulativeMinMs,
      cumulativeMedianMs,
      cumulativeMaxMs,
      capped,
      deadlineMayEnd: policy.deadlineMs !== void 0 && latestEndMs >= policy.deadlineMs
    });
  }
  const attempts = rows.length + 1;
  const total = unbounded ? Infinity : (rows.at(-1)?.cumulativeMaxMs ?? 0) + attempts * (policy.timeoutMs ?? 0);
  const bounded2 = policy.deadlineMs !== void 0 && policy.deadlineMs < total;
  return {
    rows,
    ...cutByDeadline ? { cutByDeadline } : {},
    worstCaseMs: bounded2 ? policy.deadlineMs : total,
    worstCaseIncludesAttempts: policy.timeoutMs !== void 0,
    worstCaseBoundedByDeadline: bounded2,
    ...unbounded && !cutByDeadline ? { unbounded } : {},
    ...sampling && retries > 0 ? { sampled: { samples, seed } } : {}
  };
}
function sampledMedians(strategy, policy, retries, samples, seed) {
  const sampledRetries = Math.min(retries, MAX_SAMPLED_RETRIES);
  const random = seededRandom(seed);
  const draws = Array.from({ length: sampledRetries }, () => new Float64Array(samples));
  for (let s = 0; s < samples; s++) {
    let previous = policy.baseMs;
    for (let retry2 = 1; retry2 <= sampledRetries; retry2++) {
      const step = strategy.delay(policy, retry2, previous, random);
      previous = step.previousMs;
      draws[retry2 - 1][s] = step.delayMs;
    }
  }
  return draws.map((values) => values.sort()[Math.floor(samples / 2)] ?? 0);
}
var DEFAULT_SCHEDULE_SAMPLES, UNBOUNDED_PREVIEW_RETRIES, MAX_SAMPLED_RETRIES;
var init_schedule = __esm({
  "src/backoff/schedule.ts"() {
    "use strict";
    init_random2();
    init_strategies();
    DEFAULT_SCHEDULE_SAMPLES = 1001;
    UNBOUNDED_PREVIEW_RETRIES = 60;
    MAX_SAMPLED_RETRIES = 1e3;
  }
});

// src/cli/dry-run.ts
var dry_run_exports = {};
__export(dry_run_exports, {
  renderDryRun: () => renderDryRun
});
function renderDryRun(config, style) {
  const target = config.command?.display ?? config.http?.description ?? "";
  const lines = [
    `would run: ${target} (${config.mode} mode)`,
    ...config.http ? describeHeaders(config.http, config.redact).map((header2) => `  ${header2}`) : [],
    `policy: ${describePolicy(config.policy)}`,
    `retry on: ${config.conditions.retryOn.map((c) => c.token).join(",") || "(nothing)"}`,
    `stop on: ${config.conditions.stopOn.map((c) => c.token).join(",") || "(nothing)"}`
  ];
  if (config.conditions.until.length > 0) {
    lines.push(`until: ${config.conditions.until.map((c) => c.token).join(",")}`);
  }
  const { seed } = config.policy;
  const plan = planSchedule(config.policy, seed === void 0 ? {} : { seed });
  lines.push("", ...renderSchedule(config.policy, plan, style));
  return `${lines.join("\n")}
`;
}
var init_dry_run = __esm({
  "src/cli/dry-run.ts"() {
    "use strict";
    init_schedule_text();
    init_schedule();
    init_text();
    init_http();
  }
});

// src/runners/retry-hook.ts
var retry_hook_exports = {};
__export(retry_hook_exports, {
  createShellHook: () => createShellHook
});
function createShellHook(options) {
  const running2 = createAttemptRegistry();
  return {
    run: (context) => new Promise((resolve3) => {
      const started = monotonicMs();
      const took = () => Math.round(monotonicMs() - started);
      const child = spawn("/bin/sh", ["-c", options.script], {
        stdio: ["ignore", 2, 2],
        detached: true,
        env: { ...options.env ?? process.env, ...hookEnv(context) }
      });
      const processes = trackAttemptProcesses(child, {
        ownGroup: true,
        killAfterMs: options.killAfterMs
      });
      running2.add(processes);
      let timedOut2;
      const limit = context.timeLimit;
      const timer = limit && setTimeout(() => {
        timedOut2 = limit.reason;
        processes.stop("SIGTERM");
      }, limit.ms);
      const onAbort = () => processes.stop(abortSignalName(context.signal.reason));
      if (context.signal.aborted) onAbort();
      else context.signal.addEventListener("abort", onAbort, { once: true });
      const done = (result) => {
        clearTimeout(timer);
        context.signal.removeEventListener("abort", onAbort);
        running2.delete(processes);
        resolve3({ ...result, durationMs: took() });
      };
      child.once("error", (error) => {
        if (child.pid === void 0) done({ ok: false, exitCode: 127, message: error.message });
      });
      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        void processes.settle().then(() => {
          if (timedOut2) done({ ok: false, exitCode: EXIT_CODES.TIMEOUT, timedOut: timedOut2 });
          else if (signal) done({ ok: false, exitCode: signalExitCode(signal), signal });
          else done({ ok: code === 0, exitCode: code ?? 1 });
        });
      });
    }),
    close: () => running2.killAll()
  };
}
function hookEnv(context) {
  return {
    RETRY_RUN_ATTEMPT: String(context.attempt),
    RETRY_RUN_MAX_ATTEMPTS: maxAttemptsEnv(context.maxAttempts),
    RETRY_RUN_EXIT_CODE: String(context.exitCode),
    RETRY_RUN_REASON: context.reason
  };
}
function abortSignalName(reason) {
  const name = reason?.signal;
  return typeof name === "string" && name in import_node_os12.constants.signals ? name : "SIGTERM";
}
var import_node_os12;
var init_retry_hook = __esm({
  "src/runners/retry-hook.ts"() {
    "use strict";
    init_child_process();
    import_node_os12 = require("node:os");
    init_exit_codes();
    init_attempts_env();
    init_monotonic();
    init_process_group();
  }
});

// src/cli/breaker-gate.ts
var breaker_gate_exports = {};
__export(breaker_gate_exports, {
  openBreakerGate: () => openBreakerGate
});
function openBreakerGate(breaker, store, warn2) {
  const gate = createSharedBreaker({
    ...breaker,
    store,
    clock: systemClock,
    warn: warn2
  });
  return {
    gate,
    close: () => gate.close()
  };
}
var init_breaker_gate = __esm({
  "src/cli/breaker-gate.ts"() {
    "use strict";
    init_breaker2();
    init_clock();
  }
});

// src/budget/state.ts
function fullBudget(settings) {
  return { tokens: settings.maxTokens };
}
function recordAttempt2(data, success, settings) {
  const tokens = Math.min(data.tokens, settings.maxTokens);
  const next = success ? Math.min(settings.maxTokens, tokens + settings.ratio) : tokens - 1;
  return { tokens: Math.max(0, Math.round(next * 1e3) / 1e3) };
}
function allowsRetry(data, settings) {
  return data.tokens > settings.maxTokens / 2;
}
function isBudgetData(value) {
  const data = value;
  const finite = (n) => typeof n === "number" && Number.isFinite(n) && n >= 0;
  const optional = (n) => n === void 0 || finite(n);
  return finite(data?.tokens) && optional(data?.maxTokens) && optional(data?.ratio) && optional(data?.updatedAt);
}
var init_state2 = __esm({
  "src/budget/state.ts"() {
    "use strict";
  }
});

// src/budget/budget.ts
var budget_exports = {};
__export(budget_exports, {
  BUDGET_COLLECTION: () => BUDGET_COLLECTION,
  createSharedBudget: () => createSharedBudget,
  readBudget: () => readBudget
});
async function readBudget(store, name, maxTokens) {
  return checkedBudget(await store.read(BUDGET_COLLECTION, name), store, name, maxTokens);
}
function checkedBudget(value, store, name, maxTokens) {
  if (value === void 0) return fullBudget({ maxTokens, ratio: 0 });
  if (!isBudgetData(value)) {
    throw new StoreError("corrupt", `budget '${name}' in ${store.location} is corrupt`);
  }
  return value;
}
function createSharedBudget(config, store, warn2, clock) {
  let broken = false;
  return {
    async record(success) {
      if (broken) return { retryAllowed: true };
      let data;
      try {
        data = await store.update(BUDGET_COLLECTION, config.name, (current) => ({
          ...recordAttempt2(
            checkedBudget(current, store, config.name, config.maxTokens),
            success,
            config
          ),
          maxTokens: config.maxTokens,
          ratio: config.ratio,
          updatedAt: clock.now()
        }));
      } catch (error) {
        if (!(error instanceof StoreError)) throw error;
        broken = true;
        const repair = error.kind === "corrupt" ? ` ('retry-run budget reset ${config.name}' repairs it)` : "";
        warn2(`budget '${config.name}': ${error.message}${repair}; allowing every retry`);
        return { retryAllowed: true };
      }
      if (allowsRetry(data, config)) return { retryAllowed: true };
      return {
        retryAllowed: false,
        message: `retry budget '${config.name}' has ${data.tokens} of ${config.maxTokens} tokens (a retry needs more than ${config.maxTokens / 2}): not retried`
      };
    }
  };
}
var BUDGET_COLLECTION;
var init_budget2 = __esm({
  "src/budget/budget.ts"() {
    "use strict";
    init_store();
    init_state2();
    BUDGET_COLLECTION = "budget";
  }
});

// src/explain/load-chart.ts
function columnPeaks(load, width) {
  const slices = (load.at(-1)?.slice ?? -1) + 1;
  const slicesPerColumn = Math.max(1, Math.ceil(slices / width));
  const peaks = new Array(Math.ceil(slices / slicesPerColumn)).fill(0);
  for (const { slice, calls } of load) {
    const column = Math.floor(slice / slicesPerColumn);
    peaks[column] = Math.max(peaks[column], calls);
  }
  return { peaks, slicesPerColumn };
}
function blockFor(value, max) {
  if (value <= 0 || max <= 0) return " ";
  const level = Math.min(BLOCKS.length, Math.ceil(value / max * BLOCKS.length));
  return BLOCKS[level - 1];
}
var BLOCKS;
var init_load_chart = __esm({
  "src/explain/load-chart.ts"() {
    "use strict";
    BLOCKS = ["\u2581", "\u2582", "\u2583", "\u2584", "\u2585", "\u2586", "\u2587", "\u2588"];
  }
});

// src/explain/simulation-text.ts
function renderSimulation(results, options, style, budget) {
  const d = formatDuration;
  const count = (n) => n.toLocaleString("en-US");
  const lines = [
    style.bold(`thundering herd: ${count(options.clients)} clients fail at the same instant`),
    `the server answers ${count(options.capacity)} calls per ${d(options.sliceMs)} slice and fails the rest;`,
    `each client retries until it succeeds (base ${d(options.baseMs)}, cap ${d(options.capMs)}, factor ${options.factor}, seed ${options.seed})`,
    "",
    style.dim(
      `${"strategy".padEnd(NAME_WIDTH)}${["peak load", "all done after", "total calls", "calls/client"].map((h) => h.padStart(15)).join("")}`
    )
  ];
  const row2 = (name, r) => {
    const cells = [
      count(r.peakLoad),
      d(r.completionMs),
      count(r.totalCalls),
      (r.totalCalls / options.clients).toFixed(1)
    ];
    return `${style.cyan(name.padEnd(NAME_WIDTH))}${cells.map((c) => c.padStart(15)).join("")}`;
  };
  for (const r of results) lines.push(row2(r.strategy, r));
  if (budget) lines.push(...budgetRows(budget, options, row2));
  const charted = [
    ...results.map((r) => [r.strategy, r]),
    ...budget ? [[BUDGET_ROW, budget]] : []
  ];
  const top = Math.max(...charted.map(([, r]) => r.peakLoad));
  lines.push(
    "",
    style.dim(
      `calls per ${d(options.sliceMs)} slice over time, each row from the failure to its last success`
    ),
    style.dim(
      `(\u2588 = ${count(top)} calls, the busiest slice of a column; capacity ${count(options.capacity)})`
    )
  );
  for (const [name, r] of charted) {
    const { peaks, slicesPerColumn } = columnPeaks(r.load, CHART_WIDTH);
    const chart = peaks.map((peak) => {
      const block = blockFor(peak, top);
      return peak > options.capacity ? style.red(block) : style.green(block);
    }).join("");
    const span = " ".repeat(CHART_WIDTH - peaks.length);
    const column = style.dim(`${d(slicesPerColumn * options.sliceMs)}/col`);
    lines.push(`${style.cyan(name.padEnd(NAME_WIDTH))}${chart}${span} ${column}`);
  }
  return lines;
}
function budgetRows(budget, options, row2) {
  const { maxTokens, ratio } = budget.budget;
  const clients = options.clients.toLocaleString("en-US");
  const outcome = budget.gaveUp === 0 ? "it refused no retry: every client succeeded" : `${budget.gaveUp.toLocaleString("en-US")} of ${clients} clients gave up (budget-exhausted)`;
  return [
    "",
    `${budget.strategy} with a retry budget shared by the fleet (--budget-tokens ${maxTokens},`,
    `--budget-ratio ${ratio}): a refused retry ends that client's run`,
    row2(BUDGET_ROW, budget),
    `${" ".repeat(NAME_WIDTH)}${outcome}`
  ];
}
var NAME_WIDTH, CHART_WIDTH, BUDGET_ROW;
var init_simulation_text = __esm({
  "src/explain/simulation-text.ts"() {
    "use strict";
    init_duration();
    init_load_chart();
    NAME_WIDTH = 13;
    CHART_WIDTH = 56;
    BUDGET_ROW = "with budget";
  }
});

// src/explain/herd-budget.ts
function createHerdBudget(settings) {
  let data = fullBudget(settings);
  let gaveUp = 0;
  return {
    afterCalls(succeeded, failed) {
      for (let i = 0; i < succeeded; i++) data = recordAttempt2(data, true, settings);
      let retrying = 0;
      for (let i = 0; i < failed; i++) {
        data = recordAttempt2(data, false, settings);
        if (allowsRetry(data, settings)) retrying++;
        else gaveUp++;
      }
      return retrying;
    },
    get gaveUp() {
      return gaveUp;
    }
  };
}
var init_herd_budget = __esm({
  "src/explain/herd-budget.ts"() {
    "use strict";
    init_state2();
  }
});

// src/explain/simulate.ts
function simulateHerd(options) {
  return STRATEGY_NAMES.map((strategy) => simulateStrategy(strategy, options));
}
function simulateStrategy(strategy, options) {
  return simulate(strategy, options);
}
function simulateBudget(strategy, options, budget) {
  const herdBudget2 = createHerdBudget(budget);
  const result = simulate(strategy, options, herdBudget2);
  return { ...result, budget, gaveUp: herdBudget2.gaveUp };
}
function simulate(strategy, options, budget) {
  const { clients, capacity, sliceMs } = options;
  const maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
  const backoff = strategyNamed(strategy);
  const settings = { baseMs: options.baseMs, capMs: options.capMs, factor: options.factor };
  const random = seededRandom(options.seed);
  const lockstep = !backoff.random;
  const queue = new EventQueue();
  const retry2 = (from, count, now) => {
    for (let i = 0; i < (lockstep ? 1 : count); i++) {
      const step = backoff.delay(settings, from.retry + 1, from.previousMs, random);
      const next = {
        count: lockstep ? count : 1,
        retry: from.retry + 1,
        previousMs: step.previousMs
      };
      queue.push(now + step.delayMs, next);
    }
  };
  const retrying = (succeeded, failed) => budget ? budget.afterCalls(succeeded, failed) : failed;
  const first = retrying(0, clients);
  if (first > 0) retry2({ count: clients, retry: 0, previousMs: options.baseMs }, first, 0);
  const load = [];
  let totalCalls = clients;
  let steps = 0;
  let peakLoad = 0;
  let completionMs = 0;
  let current = { slice: -1, calls: 0 };
  while (!queue.empty) {
    const { time, callers } = queue.peek();
    const slice = Math.floor(time / sliceMs);
    if (slice !== current.slice) {
      current = { slice, calls: 0 };
      load.push(current);
    }
    for (let i = 0; i < callers.length; i++) {
      if (++steps > maxSteps) throw new SimulationLimitError(strategy, maxSteps);
      const group = callers[i];
      const answered = Math.max(0, Math.min(group.count, capacity - current.calls));
      current.calls += group.count;
      totalCalls += group.count;
      const failed = group.count - answered;
      const retries = retrying(answered, failed);
      if (answered > 0 || retries < failed) completionMs = time;
      if (retries > 0) retry2(group, retries, time);
    }
    peakLoad = Math.max(peakLoad, current.calls);
    queue.shift();
  }
  return { strategy, peakLoad, completionMs, totalCalls, load };
}
var DEFAULT_MAX_STEPS, EventQueue;
var init_simulate = __esm({
  "src/explain/simulate.ts"() {
    "use strict";
    init_random2();
    init_strategies();
    init_errors();
    init_herd_budget();
    DEFAULT_MAX_STEPS = 5e6;
    EventQueue = class {
      groups = /* @__PURE__ */ new Map();
      instants = [];
      get empty() {
        return this.instants.length === 0;
      }
      push(time, callers) {
        const group = this.groups.get(time);
        if (group) {
          group.push(callers);
          return;
        }
        this.groups.set(time, [callers]);
        const heap = this.instants;
        let i = heap.push(time) - 1;
        while (i > 0) {
          const parent = i - 1 >> 1;
          if (heap[parent] <= time) break;
          heap[i] = heap[parent];
          i = parent;
        }
        heap[i] = time;
      }
      /** The earliest instant and its calls; calls pushed for that instant join the same array. */
      peek() {
        const time = this.instants[0];
        return { time, callers: this.groups.get(time) };
      }
      /** Drops the earliest instant, once all of its calls have been handled. */
      shift() {
        const heap = this.instants;
        this.groups.delete(heap[0]);
        const last = heap.pop();
        if (heap.length === 0) return;
        let i = 0;
        for (; ; ) {
          let child = 2 * i + 1;
          if (child >= heap.length) break;
          if (child + 1 < heap.length && heap[child + 1] < heap[child]) child++;
          if (heap[child] >= last) break;
          heap[i] = heap[child];
          i = child;
        }
        heap[i] = last;
      }
    };
  }
});

// src/explain/strategy-table.ts
function renderStrategyTable(style) {
  const [nameWidth, formulaWidth] = [13, 32];
  const lines = [
    style.bold(
      `${"strategy".padEnd(nameWidth)}${"delay for retry n".padEnd(formulaWidth)}behaviour`
    )
  ];
  for (const s of STRATEGY_TABLE) {
    lines.push(
      `${style.cyan(s.name.padEnd(nameWidth))}${s.formula.padEnd(formulaWidth)}${s.behaviour}`,
      `${" ".repeat(nameWidth)}${style.dim(`when: ${s.whenToUse}`)}`
    );
  }
  lines.push(
    "",
    style.dim("e = min(cap, base*factor^(n-1)), n = 1, 2, ... (the wait before attempt n+1)"),
    style.dim(
      `defaults: strategy ${DEFAULTS.strategy}, base ${formatDuration(DEFAULTS.baseMs)}, cap ${formatDuration(DEFAULTS.capMs)}, factor ${DEFAULTS.factor}`
    )
  );
  return lines;
}
var STRATEGY_TABLE;
var init_strategy_table = __esm({
  "src/explain/strategy-table.ts"() {
    "use strict";
    init_defaults();
    init_duration();
    init_strategies();
    STRATEGY_TABLE = STRATEGIES.map(
      ({ name, formula, behaviour, whenToUse }) => ({ name, formula, behaviour, whenToUse })
    );
  }
});

// src/explain/tool-table.ts
function retriedByDefault(cls, status) {
  if (cls === "connection" || cls === "timeout") return true;
  if (cls === "status") return status === void 0 ? "by status" : RETRIED_STATUSES.has(status);
  if (cls === "rate-limit") return RETRIED_STATUSES.has(status ?? 429);
  return false;
}
function kindOf(cls) {
  return PERMANENT_CLASSES.includes(cls) ? "permanent" : cls;
}
function describeTools(table3) {
  return Object.entries(table3).map(([name, entry]) => describeTool(name, entry));
}
function describeTool(name, entry) {
  const evidence = [
    ...Object.entries(entry.exits ?? {}).map(([code, exit2]) => ({
      exit: Number(code),
      class: exit2.class,
      says: exit2.meaning,
      retried: retriedByDefault(exit2.class),
      ...exit2.source ? { source: exit2.source } : {}
    })),
    ...(entry.messages ?? []).map((message2) => ({
      match: message2.match,
      class: message2.class,
      ...message2.status === void 0 ? {} : { status: message2.status },
      ...message2.says === void 0 ? {} : { says: message2.says },
      retried: retriedByDefault(message2.class, message2.status),
      source: message2.source
    }))
  ];
  const retries = {};
  for (const row2 of evidence) {
    const kind = kindOf(row2.class);
    const before = retries[kind];
    retries[kind] = before === void 0 || before === row2.retried ? row2.retried : "by status";
  }
  const permanent = PERMANENT_CLASSES.filter((cls) => evidence.some((row2) => row2.class === cls));
  return {
    name,
    commands: entry.commands,
    scriptPrefixes: entry.scriptPrefixes ?? [],
    retries,
    permanent,
    evidence
  };
}
var EVIDENCE_KINDS;
var init_tool_table = __esm({
  "src/explain/tool-table.ts"() {
    "use strict";
    init_tool_defaults();
    init_types();
    EVIDENCE_KINDS = [
      "status",
      "connection",
      "timeout",
      "rate-limit",
      "permanent"
    ];
  }
});

// src/explain/tool-table-text.ts
function renderToolTable(tools, style) {
  const statuses = [...RETRIED_STATUSES].join(", ");
  const header2 = ["tool", "status", "connection", "timeout", "rate limit", "permanent"];
  const lines = [
    "Known tools: whether the default (no --retry-on or --stop-on) retries what",
    'each tool reports. README "Known tools".',
    style.dim(`  by status: ${statuses} retried, any other status not;`),
    style.dim("  permanent: the auth, not-found or usage errors it names: never retried;"),
    style.dim("  -: the tool gives no such evidence (then any failure is retried)."),
    "",
    style.bold(row(header2))
  ];
  for (const tool of tools) {
    const cells = EVIDENCE_KINDS.map(
      (kind) => kind === "permanent" && tool.permanent.length > 0 ? tool.permanent.join(", ") : cell2(tool.retries[kind])
    );
    lines.push(`${style.cyan(tool.name.padEnd(NAME_WIDTH2))}${row(cells)}`.trimEnd());
  }
  lines.push(
    "",
    "Recognised by argv[0] (its basename), or inside a -S script or a wrapper by a",
    "line of its own starting with:",
    ""
  );
  for (const tool of tools) {
    const quoted = tool.scriptPrefixes.map((prefix) => `'${prefix}'`);
    const pieces2 = [`argv[0] ${tool.commands.join(", ")}`, ...quoted].map(
      (piece, index, all) => index === all.length - 1 ? piece : index === 0 ? `${piece}; lines` : `${piece},`
    );
    wrap(pieces2, WIDTH - NAME_WIDTH2).forEach(
      (text, index) => lines.push(
        `${index === 0 ? style.cyan(tool.name.padEnd(NAME_WIDTH2)) : " ".repeat(NAME_WIDTH2)}${text}`
      )
    );
  }
  return lines;
}
function row(cells) {
  return cells.map((text, index) => index < cells.length - 1 ? text.padEnd(CELL_WIDTH) : text).join("");
}
function cell2(retried) {
  if (retried === void 0) return "-";
  if (retried === "by status") return "by status";
  return retried ? "yes" : "no";
}
function wrap(pieces2, width) {
  const lines = [];
  let line = "";
  for (const piece of pieces2) {
    if (line && line.length + 1 + piece.length > width) {
      lines.push(line);
      line = piece;
    } else line = line ? `${line} ${piece}` : piece;
  }
  return [...lines, line];
}
var WIDTH, NAME_WIDTH2, CELL_WIDTH;
var init_tool_table_text = __esm({
  "src/explain/tool-table-text.ts"() {
    "use strict";
    init_tool_defaults();
    init_tool_table();
    WIDTH = 80;
    NAME_WIDTH2 = 11;
    CELL_WIDTH = 11;
  }
});

// src/explain/explain-tools.ts
function explainTools(toolsFile) {
  const table3 = toolsFile ? { ...BUILTIN_TOOLS, ...loadToolsFile(toolsFile) } : BUILTIN_TOOLS;
  const tools = describeTools(table3);
  return (json, style) => json ? { retriedStatuses: [...RETRIED_STATUSES], tools } : renderToolTable(tools, style);
}
var init_explain_tools = __esm({
  "src/explain/explain-tools.ts"() {
    "use strict";
    init_tool_defaults();
    init_builtin();
    init_tools_file();
    init_tool_table_text();
    init_tool_table();
  }
});

// src/cli/explain.ts
var explain_exports = {};
__export(explain_exports, {
  explainAction: () => explainAction
});
async function explainAction(raw) {
  const format = parseChoice(raw.format ?? "text", "--format", ["text", "json"]);
  if (raw.capacity !== void 0 && raw.simulate === void 0)
    throw new UsageError("--capacity: applies only with --simulate <clients>");
  for (const [value, flag] of [
    [raw.budgetTokens, "--budget-tokens"],
    [raw.budgetRatio, "--budget-ratio"]
  ]) {
    if (value !== void 0 && raw.simulate === void 0)
      throw new UsageError(`${flag}: applies only with --simulate <clients>`);
  }
  const policy = normalizePolicy(raw);
  const explain = raw.tools ? explainTools(raw.toolsFile) : raw.simulate !== void 0 ? explainHerd(herdOptions(raw, policy), policy.strategy, herdBudget(raw)) : SCHEDULE_FLAGS.some((flag) => raw[flag] !== void 0) ? explainSchedule(policy) : (json2, style) => json2 ? { strategies: STRATEGY_TABLE } : renderStrategyTable(style);
  const json = format === "json";
  const output = explain(json, json ? plainStyle : await stdoutStyle());
  stdout().write(
    format === "json" ? `${JSON.stringify(output, null, 2)}
` : `${output.join("\n")}
`
  );
  return 0;
}
function explainSchedule(policy) {
  const plan = planSchedule(policy, policy.seed === void 0 ? {} : { seed: policy.seed });
  return (json, style) => json ? {
    strategy: policy.strategy,
    schedule: plan.rows.map(({ retry: retry2, minMs, medianMs, maxMs }) => ({
      retry: retry2,
      minMs,
      medianMs,
      maxMs
    })),
    worstCaseMs: plan.worstCaseMs
  } : renderSchedule(policy, plan, style);
}
function explainHerd(options, strategy, budgetSettings) {
  const results = runHerd(() => simulateHerd(options), options);
  const budget = runHerd(() => simulateBudget(strategy, options, budgetSettings), options);
  const figures = ({ strategy: strategy2, peakLoad, completionMs, totalCalls }) => ({
    strategy: strategy2,
    peakLoad,
    completionMs,
    totalCalls
  });
  return (json, style) => json ? {
    simulation: results.map(figures),
    budget: {
      ...figures(budget),
      budgetTokens: budget.budget.maxTokens,
      budgetRatio: budget.budget.ratio,
      gaveUp: budget.gaveUp
    }
  } : renderSimulation(results, options, style, budget);
}
function herdBudget(raw) {
  const { maxTokens, ratio } = normalizeBudget({
    budget: "simulated",
    ...raw.budgetTokens === void 0 ? {} : { budgetTokens: raw.budgetTokens },
    ...raw.budgetRatio === void 0 ? {} : { budgetRatio: raw.budgetRatio }
  });
  return { maxTokens, ratio };
}
function herdOptions(raw, policy) {
  const clients = parseInteger(raw.simulate, "--simulate", 1, MAX_CLIENTS);
  const capacity = raw.capacity === void 0 ? DEFAULTS.simulateCapacity : parseInteger(raw.capacity, "--capacity", 1, 1e6);
  if (policy.baseMs === 0 || policy.capMs === 0) {
    throw new UsageError(
      "--simulate: needs --base and --cap greater than 0 (with no wait, clients would retry forever in the same instant)"
    );
  }
  return {
    clients,
    capacity,
    sliceMs: DEFAULTS.simulateSliceMs,
    // No --seed: a fresh one, printed with the result so that the run can be repeated.
    seed: policy.seed ?? Math.floor(Math.random() * 2 ** 32),
    baseMs: policy.baseMs,
    capMs: policy.capMs,
    factor: policy.factor
  };
}
function runHerd(simulate2, options) {
  try {
    return simulate2();
  } catch (error) {
    if (!(error instanceof SimulationLimitError)) throw error;
    throw new SimulationLimitError(
      error.strategy,
      error.maxSteps,
      `--simulate: ${error.message} to finish ${options.clients} clients at --capacity ${options.capacity}; simulate fewer clients, or give a larger --capacity or --base`
    );
  }
}
var SCHEDULE_FLAGS, MAX_CLIENTS;
var init_explain = __esm({
  "src/cli/explain.ts"() {
    "use strict";
    init_streams();
    init_schedule_text();
    init_simulation_text();
    init_simulate();
    init_budget();
    init_strategy_table();
    init_explain_tools();
    init_errors();
    init_defaults();
    init_normalize();
    init_numbers();
    init_schedule();
    init_style();
    SCHEDULE_FLAGS = ["strategy", "max", "base", "cap", "factor", "deadline", "timeout"];
    MAX_CLIENTS = 1e5;
  }
});

// src/stats/render.ts
function sparkline(trend) {
  return trend.map((v) => BARS[Math.round(Math.min(1, Math.max(0, v)) * (BARS.length - 1))]).join("");
}
function renderTable(stats, style, width = 80) {
  const refused = stats.some((s) => s.budgetRefused > 0);
  const columns = [
    ["name", (s) => s.name],
    ["runs", (s) => String(s.runs)],
    ["success", (s) => percent(s.successRate)],
    ["first try", (s) => percent(s.firstAttemptSuccessRate)],
    ["attempts mean/p95", (s) => `${s.meanAttempts.toFixed(2)} / ${s.p95Attempts}`],
    ["waited", (s) => formatDuration(s.waitedMs)],
    ...refused ? [["refused", (s) => String(s.budgetRefused)]] : [],
    ["trend", (s) => sparkline(s.trend)],
    ["top failures", (s) => s.topReasons.map((r) => `${r.reason} \xD7${r.count}`).join(", ") || "-"]
  ];
  const header2 = columns.map(([title]) => title);
  const rows = stats.map((s) => columns.map(([, cell3]) => cell3(s)));
  const widths = header2.map(
    (h, i) => Math.max(columnsOf(h), ...rows.map((row2) => columnsOf(row2[i])))
  );
  const trendColumn = header2.indexOf("trend");
  const reasonsColumn = header2.indexOf("top failures");
  const leftAligned = /* @__PURE__ */ new Set([0, trendColumn, reasonsColumn]);
  const line = (cells, shown) => cells.map((cell3, i) => {
    const pad2 = " ".repeat(widths[i] - columnsOf(cell3));
    return leftAligned.has(i) ? cell3 + pad2 : pad2 + cell3;
  }).filter((_, i) => shown(i)).join("  ").trimEnd();
  const linesShowing = (shown) => [header2, ...rows].map((cells) => line(cells, shown));
  const reasonsStart = widths.slice(0, reasonsColumn).reduce((sum, w) => sum + w + 2, 0);
  const keepTrend = reasonsStart + Math.min(MIN_REASONS_COLUMNS, widths[reasonsColumn]) <= width;
  const lines = linesShowing((i) => keepTrend || i !== trendColumn);
  const fitted = lines.map(
    (text) => columnsOf(text) > width ? `${Array.from(text).slice(0, width - 1).join("")}\u2026` : text
  );
  return [style.bold(fitted[0]), ...fitted.slice(1)].join("\n") + "\n";
}
function renderJson(stats) {
  const objects = stats.map((s) => ({
    name: s.name,
    runs: s.runs,
    successRate: round(s.successRate),
    firstAttemptSuccessRate: round(s.firstAttemptSuccessRate),
    meanAttempts: round(s.meanAttempts),
    p95Attempts: s.p95Attempts,
    waitedMs: s.waitedMs,
    topReasons: s.topReasons,
    budgetRefused: s.budgetRefused,
    lastRunAt: s.lastRunAt,
    trend: s.trend.map((v) => round(v))
  }));
  return `${JSON.stringify(objects, null, 2)}
`;
}
function renderOpenMetrics(stats) {
  const lines = [];
  for (const family of FAMILIES2) {
    lines.push(`# TYPE ${family.name} gauge`);
    if (family.unit) lines.push(`# UNIT ${family.name} ${family.unit}`);
    lines.push(`# HELP ${family.name} ${family.help}`);
    for (const s of stats) {
      for (const [labels, value] of family.samples(s)) {
        lines.push(sampleLine(family.name, { name: s.name, ...labels }, value));
      }
    }
  }
  lines.push("# EOF");
  return `${lines.join("\n")}
`;
}
function renderStats(stats, format, style, width) {
  if (format === "json") return renderJson(stats);
  if (format === "openmetrics") return renderOpenMetrics(stats);
  return renderTable(stats, style, width);
}
var STATS_FORMATS, BARS, percent, MIN_REASONS_COLUMNS, columnsOf, round, FAMILIES2;
var init_render = __esm({
  "src/stats/render.ts"() {
    "use strict";
    init_duration();
    init_exposition();
    STATS_FORMATS = ["table", "json", "openmetrics"];
    BARS = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588";
    percent = (rate) => `${(rate * 100).toFixed(1)}%`;
    MIN_REASONS_COLUMNS = 12;
    columnsOf = (text) => Array.from(text).length;
    round = (value, digits = 4) => Number(value.toFixed(digits));
    FAMILIES2 = [
      {
        name: "retry_run_history_runs",
        help: "Runs recorded in the window.",
        samples: (s) => [[{}, s.runs]]
      },
      {
        name: "retry_run_history_success_ratio",
        unit: "ratio",
        help: "Share of runs that succeeded, at any attempt.",
        samples: (s) => [[{}, s.successRate]]
      },
      {
        name: "retry_run_history_first_attempt_success_ratio",
        unit: "ratio",
        help: "Share of runs whose first attempt succeeded.",
        samples: (s) => [[{}, s.firstAttemptSuccessRate]]
      },
      {
        name: "retry_run_history_attempts_mean",
        help: "Mean attempts per run.",
        samples: (s) => [[{}, s.meanAttempts]]
      },
      {
        name: "retry_run_history_attempts_p95",
        help: "95th percentile of attempts per run (nearest rank).",
        samples: (s) => [[{}, s.p95Attempts]]
      },
      {
        name: "retry_run_history_waited_seconds",
        unit: "seconds",
        help: "Time lost to waits between attempts.",
        samples: (s) => [[{}, s.waitedMs / 1e3]]
      },
      {
        name: "retry_run_history_failures",
        help: "Failed attempts by reason (the most frequent reasons).",
        samples: (s) => s.topReasons.map((r) => [{ reason: r.reason }, r.count])
      },
      {
        name: "retry_run_history_budget_refused",
        help: "Runs a retry budget cut short by refusing a retry (outcome budget-exhausted).",
        samples: (s) => [[{}, s.budgetRefused]]
      },
      {
        name: "retry_run_history_last_run_timestamp_seconds",
        unit: "seconds",
        help: "When the newest run in the window started.",
        samples: (s) => [[{}, Date.parse(s.lastRunAt) / 1e3]]
      }
    ];
  }
});

// src/stats/since.ts
function parseSince(text, now) {
  const value = text.trim();
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) {
    const at = Date.parse(value);
    if (Number.isNaN(at)) throw invalidValue("--since", text, "expected a date such as 2026-11-01");
    return at;
  }
  const days = DAYS.exec(value);
  const rest = days ? value.slice(days[0].length) : value;
  try {
    const ms = (days ? Number(days[1]) * DAY_MS : 0) + (rest === "" && days ? 0 : parseDuration(rest));
    return now - ms;
  } catch {
    throw invalidValue("--since", text, "expected a duration such as 7d, 12h or 1d12h, or a date");
  }
}
var DAY_MS, DAYS;
var init_since = __esm({
  "src/stats/since.ts"() {
    "use strict";
    init_errors();
    init_duration();
    DAY_MS = 864e5;
    DAYS = /^(\d+(?:\.\d+)?)d/;
  }
});

// src/stats/stats.ts
function computeStats(records, since = -Infinity) {
  const byName = /* @__PURE__ */ new Map();
  for (const record of records) {
    if (Date.parse(record.at) < since) continue;
    const list = byName.get(record.name) ?? [];
    list.push(record);
    byName.set(record.name, list);
  }
  return [...byName.entries()].map(([name, list]) => statsOf(name, list)).sort((a, b) => flakiness(b) - flakiness(a) || b.runs - a.runs || a.name.localeCompare(b.name));
}
function flakiness(stats) {
  return 1 - stats.firstAttemptSuccessRate;
}
function statsOf(name, unsorted) {
  const runs = [...unsorted].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const count = runs.length;
  const reasons = /* @__PURE__ */ new Map();
  for (const run of runs) {
    for (const [reason, n] of Object.entries(run.failures)) {
      reasons.set(reason, (reasons.get(reason) ?? 0) + n);
    }
  }
  return {
    name,
    runs: count,
    successRate: runs.filter((r) => r.outcome === "success").length / count,
    firstAttemptSuccessRate: runs.filter(firstTry).length / count,
    meanAttempts: runs.reduce((sum, r) => sum + r.attempts, 0) / count,
    p95Attempts: percentile(
      runs.map((r) => r.attempts),
      0.95
    ),
    waitedMs: runs.reduce((sum, r) => sum + r.waitedMs, 0),
    topReasons: [...reasons].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, TOP_REASONS).map(([reason, n]) => ({ reason, count: n })),
    budgetRefused: runs.filter((r) => r.outcome === "budget-exhausted").length,
    lastRunAt: runs[count - 1].at,
    trend: chunks(runs, TREND_WIDTH).map(
      (group) => 1 - group.filter(firstTry).length / group.length
    )
  };
}
function percentile(values, p) {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}
function chunks(items, width) {
  const groups = Math.min(width, items.length);
  return Array.from(
    { length: groups },
    (_, i) => items.slice(
      Math.floor(i * items.length / groups),
      Math.floor((i + 1) * items.length / groups)
    )
  );
}
var TOP_REASONS, TREND_WIDTH, firstTry;
var init_stats = __esm({
  "src/stats/stats.ts"() {
    "use strict";
    TOP_REASONS = 3;
    TREND_WIDTH = 12;
    firstTry = (r) => r.outcome === "success" && r.attempts === 1;
  }
});

// src/cli/stats.ts
var stats_exports = {};
__export(stats_exports, {
  statsAction: () => statsAction
});
async function statsAction(raw) {
  const now = Date.now();
  const format = parseChoice(raw.format ?? "table", "--format", STATS_FORMATS);
  if (raw.name !== void 0) checkBreakerName(raw.name, "--name");
  const since = raw.since === void 0 ? now - DEFAULTS.statsSinceMs : parseSince(raw.since, now);
  const store = openStore(resolveStateLocation(raw.state));
  let records;
  try {
    records = await readHistory(store, raw.name);
  } catch (error) {
    throw error instanceof StoreError ? inContext(error, `cannot read the history in ${store.location}`) : error;
  } finally {
    await store.close();
  }
  const stats = computeStats(records, since);
  const mixed = namesOfSeveralCommands(records, since);
  if (mixed.length > 0) {
    process.stderr.write(
      `${OWN_NAME}: hint: ${mixed.map((n) => `'${n}'`).join(", ")} ${mixed.length === 1 ? "covers" : "cover"} several different commands: give each its own --name to tell them apart
`
    );
  }
  if (stats.length === 0 && format === "table") {
    process.stderr.write(
      `retry-run: no runs recorded since ${new Date(since).toISOString()} in ${store.location}
`
    );
    return 0;
  }
  const width = process.stdout.isTTY && process.stdout.columns || 80;
  stdout().write(renderStats(stats, format, await stdoutStyle(), width));
  return 0;
}
async function readHistory(store, name) {
  const names = name === void 0 ? await store.listLogs(HISTORY_COLLECTION) : [name];
  const logs = await Promise.all(names.map((n) => store.readLog(HISTORY_COLLECTION, n)));
  return logs.flat().filter(isHistoryRecord);
}
function namesOfSeveralCommands(records, since) {
  const commands = /* @__PURE__ */ new Map();
  for (const record of records) {
    if (typeof record.commandId !== "string" || Date.parse(record.at) < since) continue;
    const seen = commands.get(record.name) ?? /* @__PURE__ */ new Set();
    commands.set(record.name, seen.add(record.commandId));
  }
  return [...commands].filter(([, ids]) => ids.size > 1).map(([name]) => name);
}
var init_stats2 = __esm({
  "src/cli/stats.ts"() {
    "use strict";
    init_streams();
    init_own_name();
    init_numbers();
    init_defaults();
    init_breaker();
    init_style();
    init_history_record();
    init_render();
    init_since();
    init_stats();
    init_open_store();
    init_store();
  }
});

// src/cli/plain-table.ts
function plainTable(rows, style) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row2) => row2[i].length)));
  return rows.map((row2, index) => {
    const text = row2.map((cell3, i) => cell3.padEnd(widths[i])).join("  ").trimEnd();
    return index === 0 ? style.bold(text) : text;
  }).join("\n");
}
var init_plain_table = __esm({
  "src/cli/plain-table.ts"() {
    "use strict";
  }
});

// src/cli/breaker-command.ts
var breaker_command_exports = {};
__export(breaker_command_exports, {
  breakerAction: () => breakerAction
});
async function breakerAction(rawAction, name, options) {
  const action = parseChoice(rawAction, "breaker", ACTIONS);
  const format = parseChoice(options.format ?? "text", "--format", ["text", "json"]);
  if (action === "list" && name !== void 0)
    throw new UsageError(`breaker list: takes no name (got '${name}')`);
  if (action !== "list" && name === void 0)
    throw new UsageError(`breaker ${action}: needs the breaker's name`);
  if (options.for !== void 0 && action !== "open")
    throw new UsageError(`--for: only applies to 'breaker open'`);
  const forMs = options.for === void 0 ? DEFAULTS.breakerCooldownMs : parseDuration(options.for, "--for");
  if (name !== void 0) checkBreakerName(name, "breaker name");
  const store = openStore(resolveStateLocation(options.state));
  try {
    const now = Date.now();
    const print = (text) => stdout().write(`${text}
`);
    switch (action) {
      case "list": {
        const views = await listBreakers(store, now);
        if (format === "json") print(JSON.stringify(views, null, 2));
        else
          print(
            views.length === 0 ? `no breakers in ${store.location}` : table(views, await stdoutStyle())
          );
        return 0;
      }
      case "status": {
        const stored = await store.read(BREAKER_COLLECTION, name);
        if (stored === void 0) {
          process.stderr.write(
            `retry-run: no breaker '${name}' in ${store.location}: no run has counted a failure under that name since it was last reset (a run naming it starts closed)
`
          );
          return 1;
        }
        const data = checked(stored, store, name);
        if (format === "json") print(JSON.stringify(breakerView(name, data, now), null, 2));
        else print(describeStatus(name, data, now));
        return 0;
      }
      case "reset":
        await store.delete(BREAKER_COLLECTION, name);
        print(`breaker '${name}' reset: closed, no failures counted`);
        return 0;
      default: {
        const data = await store.update(
          BREAKER_COLLECTION,
          name,
          (current) => forceOpen(checked(current, store, name), now, forMs)
        );
        print(
          `breaker '${name}' opened by hand for ${formatDuration(forMs)}, until ${isoSecond(data.closesAt)}`
        );
        return 0;
      }
    }
  } catch (error) {
    throw error instanceof StoreError ? inContext(error, `breaker ${action}`) : error;
  } finally {
    await store.close();
  }
}
async function listBreakers(store, now) {
  const names = await store.list(BREAKER_COLLECTION);
  const views = [];
  for (const name of names) {
    try {
      views.push(breakerView(name, await readBreaker(store, name), now));
    } catch (error) {
      if (!(error instanceof StoreError && error.kind === "corrupt")) throw error;
      views.push({
        name,
        state: "corrupt",
        consecutiveFailures: null,
        openedAt: null,
        closesAt: null,
        lastFailure: null
      });
    }
  }
  return views;
}
function describeStatus(name, data, now) {
  const view = breakerView(name, data, now);
  if (view.state === "closed") {
    const failures = data.consecutiveFailures;
    return `breaker '${name}' is closed (${failures} consecutive failure${failures === 1 ? "" : "s"})`;
  }
  if (data.state === "open" && view.state === "open")
    return `breaker '${name}' is ${describeRefusal(data, now).replace("; nothing run", "")}`;
  const probing = data.state === "half-open" && data.probeStartedAt !== null;
  return probing ? `breaker '${name}' is half-open (${whyOpen(data)}): the last probe started at ${isoSecond(data.probeStartedAt)}; the next run probes unless that one is still running` : `breaker '${name}' is half-open (${whyOpen(data)}): the next run probes`;
}
function table(views, style) {
  return plainTable(
    [
      ["NAME", "STATE", "FAILURES", "OPENED AT", "PROBE AT"],
      ...views.map((v) => [
        v.name,
        v.state,
        String(v.consecutiveFailures ?? "-"),
        v.openedAt ?? "-",
        v.closesAt ?? "-"
      ])
    ],
    style
  );
}
var ACTIONS;
var init_breaker_command = __esm({
  "src/cli/breaker-command.ts"() {
    "use strict";
    init_numbers();
    init_streams();
    init_plain_table();
    init_breaker2();
    init_breaker();
    init_describe();
    init_state();
    init_errors();
    init_defaults();
    init_duration();
    init_style();
    init_open_store();
    init_store();
    ACTIONS = ["list", "status", "reset", "open"];
  }
});

// src/budget/describe.ts
function budgetView(name, data) {
  const maxTokens = data.maxTokens ?? DEFAULTS.budgetTokens;
  const ratio = data.ratio ?? DEFAULTS.budgetRatio;
  const retriesAllowed = allowsRetry(data, { maxTokens, ratio });
  return {
    name,
    state: retriesAllowed ? "retrying" : "throttled",
    tokens: Math.min(data.tokens, maxTokens),
    maxTokens,
    ratio,
    retriesAllowed,
    updatedAt: data.updatedAt === void 0 ? null : isoSecond(data.updatedAt)
  };
}
function describeBudget(view) {
  const count = `${view.tokens} of ${view.maxTokens} tokens, a retry needs more than ${view.maxTokens / 2}`;
  const verdict = view.state === "retrying" ? "allows retries" : "is throttled: retries are refused";
  const updated = view.updatedAt === null ? "" : `; last attempt counted at ${view.updatedAt}`;
  return `budget '${view.name}' ${verdict} (${count}); each successful attempt gives back ${view.ratio}${updated}`;
}
var init_describe2 = __esm({
  "src/budget/describe.ts"() {
    "use strict";
    init_describe();
    init_defaults();
    init_state2();
  }
});

// src/cli/budget-command.ts
var budget_command_exports = {};
__export(budget_command_exports, {
  budgetAction: () => budgetAction
});
async function budgetAction(rawAction, name, options) {
  const action = parseChoice(rawAction, "budget", ACTIONS2);
  const format = parseChoice(options.format ?? "text", "--format", ["text", "json"]);
  if (action === "list" && name !== void 0)
    throw new UsageError(`budget list: takes no name (got '${name}')`);
  if (action !== "list" && name === void 0)
    throw new UsageError(`budget ${action}: needs the budget's name`);
  if (name !== void 0) checkBreakerName(name, "budget name");
  const store = openStore(resolveStateLocation(options.state));
  try {
    const print = (text) => stdout().write(`${text}
`);
    switch (action) {
      case "list": {
        const views = await listBudgets(store);
        if (format === "json") print(JSON.stringify(views, null, 2));
        else
          print(
            views.length === 0 ? `no budgets in ${store.location}` : table2(views, await stdoutStyle())
          );
        return 0;
      }
      case "status": {
        const view = await readView(store, name);
        if (view === void 0) {
          process.stderr.write(
            `retry-run: no budget '${name}' in ${store.location}: no run has counted an attempt under that name since it was last reset (a run naming it starts full)
`
          );
          return 1;
        }
        print(format === "json" ? JSON.stringify(view, null, 2) : describeBudget(view));
        return 0;
      }
      default:
        await store.delete(BUDGET_COLLECTION, name);
        print(`budget '${name}' reset: full, retries allowed again`);
        return 0;
    }
  } catch (error) {
    throw error instanceof StoreError ? inContext(error, `budget ${action}`) : error;
  } finally {
    await store.close();
  }
}
async function readView(store, name) {
  const stored = await store.read(BUDGET_COLLECTION, name);
  if (stored === void 0) return void 0;
  if (!isBudgetData(stored)) {
    throw new StoreError(
      "corrupt",
      `budget '${name}' in ${store.location} is corrupt ('retry-run budget reset ${name}' repairs it)`
    );
  }
  return budgetView(name, stored);
}
async function listBudgets(store) {
  const views = [];
  for (const name of await store.list(BUDGET_COLLECTION)) {
    try {
      const view = await readView(store, name);
      if (view) views.push(view);
    } catch (error) {
      if (!(error instanceof StoreError && error.kind === "corrupt")) throw error;
      views.push({
        name,
        state: "corrupt",
        tokens: null,
        maxTokens: null,
        ratio: null,
        retriesAllowed: null,
        updatedAt: null
      });
    }
  }
  return views;
}
function table2(views, style) {
  const cell3 = (value) => value === null ? "-" : String(value);
  return plainTable(
    [
      ["NAME", "STATE", "TOKENS", "MAX", "RATIO", "UPDATED AT"],
      ...views.map((v) => [
        v.name,
        v.state,
        cell3(v.tokens),
        cell3(v.maxTokens),
        cell3(v.ratio),
        cell3(v.updatedAt)
      ])
    ],
    style
  );
}
var ACTIONS2;
var init_budget_command = __esm({
  "src/cli/budget-command.ts"() {
    "use strict";
    init_numbers();
    init_streams();
    init_plain_table();
    init_budget2();
    init_breaker();
    init_describe2();
    init_state2();
    init_errors();
    init_style();
    init_open_store();
    init_store();
    ACTIONS2 = ["list", "status", "reset"];
  }
});

// src/cli/completion.ts
function model(program2) {
  const flagsOf = (options) => options.flatMap((o) => [o.short, o.long].filter((f) => !!f));
  const withHelp = (command) => [...flagsOf(command.options), "-h", "--help"];
  return {
    commands: [
      { name: "", flags: [...withHelp(program2), ...program2.commands.map((c) => c.name())] },
      ...program2.commands.map((c) => ({ name: c.name(), flags: withHelp(c) }))
    ],
    values: [
      { flags: ["-s", "--strategy"], words: [...STRATEGY_NAMES] },
      { flags: ["--retry-on", "--stop-on", "--until"], words: CONDITION_WORDS },
      { flags: ["--log-format"], words: ["text", "json"] },
      { flags: ["--format"], words: ["table", "json", "openmetrics", "text"] },
      { flags: ["--step-summary"], words: ["always", "retries", "never"] }
    ]
  };
}
function completionScript(program2, shell) {
  const m = model(program2);
  if (shell === "bash") return bash(m);
  if (shell === "zsh") return `autoload -U +X bashcompinit && bashcompinit
${bash(m)}`;
  return fish(m);
}
function bash(m) {
  const subcommands = m.commands.filter((c) => c.name !== "").map((c) => c.name);
  const cases = m.commands.map((c) => `    ${c.name === "" ? "*" : c.name}) words="${c.flags.join(" ")}" ;;`).reverse();
  const values = m.values.map((v) => `    ${v.flags.join("|")}) words="${v.words.join(" ")}" ;;`).join("\n");
  return `# retry-run completion for bash (retry-run completion bash)
_retry_run() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  local sub="" words="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      --) return 0 ;;
      ${subcommands.join("|")}) sub="\${COMP_WORDS[i]}"; break ;;
    esac
  done
  case "$prev" in
${values}
  esac
  if [ -z "$words" ]; then
    case "$sub" in
${cases.join("\n")}
    esac
  fi
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -o default -F _retry_run retry-run
`;
}
function fish(m) {
  const subcommands = m.commands.filter((c) => c.name !== "").map((c) => c.name);
  const lines = [
    "# retry-run completion for fish (retry-run completion fish)",
    "complete -c retry-run -f"
  ];
  const noSub = `not __fish_seen_subcommand_from ${subcommands.join(" ")}`;
  lines.push(`complete -c retry-run -n '${noSub}' -a '${subcommands.join(" ")}'`);
  for (const command of m.commands) {
    const when = command.name === "" ? noSub : `__fish_seen_subcommand_from ${command.name}`;
    for (const flag of command.flags.filter((f) => f.startsWith("--"))) {
      const values = m.values.find((v) => v.flags.includes(flag));
      const args = values ? ` -x -a '${values.words.join(" ")}'` : "";
      lines.push(`complete -c retry-run -n '${when}' -l ${flag.slice(2)}${args}`);
    }
  }
  return `${lines.join("\n")}
`;
}
var COMPLETION_SHELLS, CONDITION_WORDS;
var init_completion = __esm({
  "src/cli/completion.ts"() {
    "use strict";
    init_conditions();
    init_strategies();
    COMPLETION_SHELLS = ["bash", "zsh", "fish"];
    CONDITION_WORDS = [
      ...new Set(VALID_TOKENS.split(", ").map((t) => t.replace(/(N-M|NNN|Nxx|NAME|N|re\/)$/, "")))
    ].filter((word) => word !== "");
  }
});

// src/cli/completion-command.ts
var completion_command_exports = {};
__export(completion_command_exports, {
  completionAction: () => completionAction
});
async function completionAction(program2, shell) {
  const known = COMPLETION_SHELLS.find((s) => s === shell);
  if (!known) throw invalidValue("completion", shell, `expected ${COMPLETION_SHELLS.join(", ")}`);
  stdout().write(completionScript(program2, known));
  return 0;
}
var init_completion_command = __esm({
  "src/cli/completion-command.ts"() {
    "use strict";
    init_errors();
    init_completion();
    init_streams();
  }
});

// src/cli/main.ts
var main_exports = {};
__export(main_exports, {
  main: () => main
});
module.exports = __toCommonJS(main_exports);
init_own_name();

// node_modules/commander/esm.mjs
var import_index = __toESM(require_commander(), 1);
var {
  program,
  createCommand,
  createArgument,
  createOption,
  CommanderError,
  InvalidArgumentError,
  InvalidOptionArgumentError,
  // deprecated old name
  Command,
  Argument,
  Option,
  Help
} = import_index.default;

// src/cli/main.ts
init_errors();
init_exit_codes();

// src/config/run-config.ts
init_numbers();
init_errors();
init_command_spec();
init_normalize();

// src/config/observability.ts
var import_node_path3 = require("node:path");
init_breaker();
init_errors();
init_github();
init_defaults();
init_numbers();

// src/config/step-name.ts
var PREFIX_WORDS = /* @__PURE__ */ new Set([
  "if",
  "then",
  "else",
  "elif",
  "do",
  "while",
  "until",
  "!",
  "time",
  "{",
  "exec",
  "command",
  "nohup",
  "env"
]);
var SKIPPED_COMMANDS = /* @__PURE__ */ new Set([
  "fi",
  "done",
  "esac",
  "}",
  "for",
  "case",
  "select",
  "in",
  "set",
  "cd",
  "pushd",
  "popd",
  "trap",
  "export",
  "unset",
  "local",
  "readonly",
  "declare",
  "echo",
  "printf",
  "true",
  "false",
  ":",
  "shift",
  "umask",
  "ulimit",
  "wait",
  "exit",
  "return",
  "source",
  ".",
  "eval",
  "test",
  "[",
  "[[",
  "alias",
  "shopt",
  "hash",
  "type"
]);
var ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
function firstRealCommand(script) {
  const simpleCommands = script.split(/;|&&|\|\||\||&|\n|\(|\)|`|\$\(/);
  for (const text of simpleCommands) {
    const words = text.trim().split(/\s+/).filter((word) => word !== "");
    while (words.length > 0 && (PREFIX_WORDS.has(words[0]) || ASSIGNMENT.test(words[0])))
      words.shift();
    if (words.length > 0 && !SKIPPED_COMMANDS.has(words[0])) return words;
  }
  return void 0;
}
function fetchedPlace(program2, args) {
  if (program2 !== "curl" && program2 !== "wget") return void 0;
  for (const arg of args) {
    const text = arg.replace(/^['"]|['"]$/g, "");
    if (!/^https?:\/\//i.test(text)) continue;
    let url;
    try {
      url = new URL(text);
    } catch {
      continue;
    }
    const segment = url.pathname.split("/").find((part) => part !== "");
    return segment === void 0 ? url.host : `${url.host}/${segment}`;
  }
  return void 0;
}

// src/config/observability.ts
function normalizeObservability(raw, target) {
  if (raw.name !== void 0) checkBreakerName(raw.name, "--name");
  for (const [flag, value] of [
    ["--report", raw.report],
    ["--metrics-file", raw.metricsFile]
  ]) {
    if (value !== void 0 && value.trim() === "")
      throw invalidValue(flag, value, "expected a file path");
  }
  return Object.freeze({
    name: raw.name ?? defaultRunName(target),
    record: raw.record ?? true,
    ...raw.report === void 0 ? {} : { reportFile: raw.report },
    ...raw.metricsFile === void 0 ? {} : { metricsFile: raw.metricsFile },
    warnAfter: raw.warnAfter === void 0 ? DEFAULTS.warnAfter : parseInteger(raw.warnAfter, "--warn-after", 1, 1e6),
    stepSummary: parseStepSummary(raw.stepSummary ?? DEFAULTS.stepSummary),
    ...raw.pushgateway === void 0 ? {} : { pushgateway: parsePushgateway(raw.pushgateway) }
  });
}
function parsePushgateway(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    url = void 0;
  }
  if (url?.protocol !== "http:" && url?.protocol !== "https:")
    throw invalidValue("--pushgateway", text, "expected an http(s) URL");
  return text;
}
function parseStepSummary(text) {
  const mode = STEP_SUMMARY_MODES.find((m) => m === text);
  if (!mode)
    throw invalidValue("--step-summary", text, `expected ${STEP_SUMMARY_MODES.join(", ")}`);
  return mode;
}
function defaultRunName(target) {
  if (target.breaker) return target.breaker;
  const redact = target.redact ?? ((text) => text);
  if (target.url) return sanitizeName(redact(new URL(target.url).host));
  const command = target.command;
  if (!command) return "run";
  const [file, ...args] = command.file === "/bin/sh" && command.args[0] === "-c" ? firstRealCommand(command.args[1] ?? "") ?? ["sh"] : [command.file, ...command.args];
  const program2 = (0, import_node_path3.basename)(file);
  const place = fetchedPlace(program2, args);
  if (place !== void 0) {
    const [host, segment] = redact(place).split("/", 2);
    return [host, segment].filter((part) => part !== void 0).map(sanitizeName).join("/");
  }
  return sanitizeName(redact(program2));
}
function sanitizeName(text) {
  const clean = text.replace(/[^A-Za-z0-9._@:-]/g, "_").replace(/^[^A-Za-z0-9]+/, "").slice(0, 100);
  return clean === "" ? "run" : clean;
}

// src/config/run-config.ts
init_defaults();
init_location();
init_breaker();
init_budget();
init_http();
init_stdin_source();
init_redact();
function normalizeRunConfig(raw, target, env2 = process.env) {
  const base = createRedactor({ env: env2, extra: redactValues(raw.redact) });
  const { mode, command, url } = resolveTarget(raw, target, base);
  const logFormat = parseChoice(raw.logFormat ?? "text", "--log-format", ["text", "json"]);
  const stdout2 = parseChoice(raw.stdout ?? DEFAULTS.stdout, "--stdout", ["live", "final"]);
  if (stdout2 === "final" && mode === "http") {
    throw new UsageError(
      "--stdout: works in command mode only; HTTP mode writes only the successful body"
    );
  }
  if (raw.quiet && raw.verbose)
    throw new UsageError("--quiet and --verbose cannot be used together");
  if (mode === "command") rejectHttpFlags(raw);
  if (mode === "http" && raw.stdin !== void 0) {
    throw new UsageError("--stdin: works in command mode only");
  }
  const breaker = normalizeBreaker(raw);
  const budget = normalizeBudget(raw);
  const http = url === void 0 ? void 0 : normalizeHttpConfig(raw, url, base);
  const redact = http ? base.with(http.secrets) : base;
  if (raw.onRetry !== void 0 && raw.onRetry.trim() === "")
    throw invalidValue("--on-retry", raw.onRetry, "expected a shell script");
  return Object.freeze({
    mode,
    ...command ? { command } : {},
    ...http ? { http } : {},
    policy: normalizePolicy(raw),
    conditions: normalizeConditions(raw, mode),
    report: Object.freeze({
      quiet: raw.quiet ?? false,
      verbose: raw.verbose ?? false,
      logFormat,
      ...raw.logFile === void 0 ? {} : { logFile: checkLogFile(raw.logFile) }
    }),
    observability: normalizeObservability(raw, {
      command,
      url,
      ...breaker ? { breaker: breaker.name } : {},
      redact
    }),
    dryRun: raw.dryRun ?? false,
    stdout: stdout2,
    state: resolveStateLocation(raw.state),
    ...breaker ? { breaker } : {},
    ...budget ? { budget } : {},
    stdin: parseChoice(raw.stdin ?? DEFAULTS.stdin, "--stdin", STDIN_MODES),
    redact,
    ...raw.toolsFile !== void 0 ? { toolsFile: raw.toolsFile } : {},
    ...raw.onRetry === void 0 ? {} : { onRetry: raw.onRetry }
  });
}
function redactValues(values) {
  return (values ?? []).flatMap((value) => value.split(/\r?\n/)).filter((value) => value !== "");
}
function checkLogFile(path) {
  if (path.trim() === "") throw invalidValue("--log-file", path, "expected a file path or -");
  return path;
}
var URL_PATTERN = /^https?:\/\//i;
function resolveTarget(raw, target, redact) {
  const after = target.afterDoubleDash ?? [];
  const all = [...target.operands, ...after];
  if (raw.shell !== void 0) {
    if (all.length > 0)
      throw new UsageError(
        `--shell: takes the whole script; remove the extra arguments '${all.join(" ")}'`
      );
    if (raw.shell.trim() === "") throw invalidValue("--shell", raw.shell, "expected a script");
    return { mode: "command", command: shellCommand(raw.shell, redact(raw.shell)) };
  }
  if (all.length === 1 && URL_PATTERN.test(all[0])) return { mode: "http", url: all[0] };
  if (target.operands.length > 0 && target.afterDoubleDash !== void 0) {
    throw new UsageError(
      `unexpected '${target.operands.join(" ")}' before --: an option takes one value (quote one with spaces); the command goes after --`
    );
  }
  if (target.operands.length > 0) {
    throw new MissingDoubleDashError(
      `to run a command, put -- before it: retry-run [options] -- ${target.operands.join(" ")}`
    );
  }
  if (after.length === 0) {
    throw new UsageError(
      "nothing to run: give -- <command> [args...], -S <script>, or a URL (see --help)"
    );
  }
  return { mode: "command", command: argvCommand(after, redact.argv(after)) };
}

// src/cli/main.ts
init_redact();

// src/cli/double-dash.ts
function withForgottenDoubleDash(argv, program2) {
  if (argv.includes("--")) return void 0;
  const index = firstOperandIndex(argv, program2.options);
  if (index === void 0) return void 0;
  const operand = argv[index];
  if (URL_PATTERN.test(operand) || program2.commands.some((c) => c.name() === operand)) {
    return void 0;
  }
  const words = [...argv.slice(0, index), "--", ...argv.slice(index)];
  return ["retry-run", ...words.map(shellWord)].join(" ");
}
function firstOperandIndex(argv, options) {
  for (let index = 0; index < argv.length; index++) {
    const token = argv[index];
    if (token === "-" || !token.startsWith("-")) return index;
    const [flag, attached] = splitFlag(token);
    const option = options.find((candidate) => candidate.long === flag || candidate.short === flag);
    if (!option) return void 0;
    const next = argv[index + 1];
    const takesNext = option.required || option.optional && !next?.startsWith("-");
    if (attached === void 0 && takesNext) index++;
  }
  return void 0;
}
function splitFlag(token) {
  if (token.startsWith("--")) {
    const equals = token.indexOf("=");
    return equals === -1 ? [token, void 0] : [token.slice(0, equals), token.slice(equals + 1)];
  }
  return token.length > 2 ? [token.slice(0, 2), token.slice(2)] : [token, void 0];
}
function shellWord(word) {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

// src/cli/options/env-values.ts
var OFF = /* @__PURE__ */ new Set(["", "0", "false", "no"]);
function switchIsOn(value) {
  return !OFF.has(value.trim().toLowerCase());
}
function turnOffSwitchesSetOff(command) {
  for (const option of command.options) {
    const key = option.attributeName();
    if (option.required || option.optional || command.getOptionValueSource(key) !== "env") continue;
    if (switchIsOn(process.env[option.envVar] ?? "")) continue;
    command.setOptionValueWithSource(key, option.negate ? true : void 0, "default");
  }
}
function nameEnvironmentSources(message2, command) {
  let named = message2;
  for (const option of command.options) {
    if (!option.long || command.getOptionValueSource(option.attributeName()) !== "env") continue;
    const flag = new RegExp(`${option.long}(?![\\w-])`);
    named = named.replace(flag, `${option.long} (from ${option.envVar})`);
  }
  return named;
}

// src/cli/program.ts
init_defaults();
init_duration();

// src/cli/options/option.ts
function envOption(flags, description, command) {
  const option = new Option(flags, description);
  const long = option.long?.replace(/^--/, "") ?? option.attributeName();
  const scope = command === void 0 ? "" : `${command}-`;
  return option.env(`RETRY_RUN_${scope}${long}`.toUpperCase().replaceAll("-", "_"));
}
function listOption(flags, description) {
  return envOption(flags, description).argParser(
    (value, previous) => [...previous ?? [], value]
  );
}

// src/cli/options/between-attempts-options.ts
function addBetweenAttemptsOptions(command) {
  return command.addOption(
    envOption(
      "--on-retry <script>",
      "run through /bin/sh after a failed attempt that will be retried, before the wait (output to stderr; a failure only warns)"
    )
  ).addOption(
    envOption(
      "--stagger <duration>",
      "wait a random time in [0, duration] before the first attempt (default: none)"
    )
  );
}

// src/cli/options/breaker-options.ts
init_defaults();
init_duration();
function addBreakerOptions(command) {
  return command.addOption(
    envOption("--breaker <name>", "share a circuit breaker with every run that names it")
  ).addOption(
    envOption(
      "--breaker-threshold <n>",
      `consecutive failed attempts that open the breaker (default: ${DEFAULTS.breakerThreshold})`
    )
  ).addOption(
    envOption(
      "--breaker-cooldown <duration>",
      `how long it stays open; doubles on each re-open, up to 16x (default: ${formatDuration(DEFAULTS.breakerCooldownMs)})`
    )
  ).addOption(
    envOption(
      "--breaker-strict",
      "refuse to run (exit 75) when the state store cannot be used, instead of acting as closed"
    )
  );
}

// src/cli/options/budget-options.ts
init_defaults();
function addBudgetOptions(command) {
  return command.addOption(
    envOption(
      "--budget <name>",
      "share a retry budget with every run that names it: retries stop while most attempts fail; first attempts always run"
    )
  ).addOption(
    envOption(
      "--budget-tokens <n>",
      `the budget's tokens; a failed attempt takes 1 (default: ${DEFAULTS.budgetTokens})`
    )
  ).addOption(
    envOption(
      "--budget-ratio <number>",
      `tokens a successful attempt gives back (default: ${DEFAULTS.budgetRatio})`
    )
  );
}

// src/cli/options/capture-options.ts
init_defaults();
function addCaptureOptions(command) {
  return command.addOption(
    envOption(
      "--stdout <mode>",
      `live: as it comes; final: only the successful attempt's, once (failed ones to stderr) (default: ${DEFAULTS.stdout})`
    )
  );
}

// src/cli/options/condition-options.ts
init_defaults();
init_duration();
function addConditionOptions(command) {
  return command.addOption(
    listOption(
      "--retry-on <conditions>",
      `failures to retry (default: ${DEFAULTS.commandRetryOn}; HTTP: ${DEFAULTS.httpRetryOn})`
    )
  ).addOption(
    listOption(
      "--stop-on <conditions>",
      `failures that end the run at once (default: ${DEFAULTS.commandStopOn})`
    )
  ).addOption(
    listOption("--until <conditions>", "conditions an attempt must meet to count as a success")
  ).addOption(
    envOption(
      "--max-server-wait <duration>",
      `longest server-directed wait honoured (default: ${formatDuration(DEFAULTS.maxServerWaitMs)})`
    )
  ).addOption(envOption("--no-server-wait", "ignore Retry-After and rate-limit headers")).addOption(envOption("--tools-file <file>", "JSON entries added to the known-tool table"));
}

// src/cli/options/observability-options.ts
init_defaults();
function addObservabilityOptions(command) {
  return command.addOption(
    envOption("--report <file>", "write a JSON report of the run to <file> ('-': stdout)")
  ).addOption(
    envOption(
      "--name <name>",
      "name for history, metrics and annotations (default: breaker name, command basename or URL host)"
    )
  ).addOption(envOption("--no-record", "do not record this run in the history")).addOption(
    envOption(
      "--metrics-file <path>",
      "rewrite a Prometheus textfile-collector file after the run ('-': stdout)"
    )
  ).addOption(
    listOption("--redact <text>", "also mask this text in what retry-run prints (repeatable)")
  ).addOption(
    envOption(
      "--warn-after <attempts>",
      `GitHub Actions: warn when a run needs this many attempts (default: ${DEFAULTS.warnAfter})`
    )
  ).addOption(
    envOption("--pushgateway <url>", "push the run's metrics to a Prometheus Pushgateway")
  ).addOption(
    envOption(
      "--step-summary <when>",
      `GitHub Actions step summary: always, retries, never (default: ${DEFAULTS.stepSummary})`
    )
  );
}

// src/cli/options/explain-options.ts
init_defaults();
init_duration();
function addExplainOptions(command) {
  return command.addOption(envOption("--format <format>", "text or json (default: text)", "explain")).addOption(new Option("--tools", "the known-tool table: what each tool retries")).addOption(envOption("--tools-file <file>", "with --tools: JSON entries added to the table")).addOption(
    envOption(
      "--simulate <clients>",
      "simulate that many clients failing at once, for every strategy",
      "explain"
    )
  ).addOption(
    envOption(
      "--capacity <calls>",
      `calls the simulated server answers per ${formatDuration(DEFAULTS.simulateSliceMs)} slice (default: ${DEFAULTS.simulateCapacity})`,
      "explain"
    )
  ).addOption(
    envOption(
      "--budget-tokens <n>",
      `the simulated fleet's retry budget (default: ${DEFAULTS.budgetTokens})`,
      "explain"
    )
  ).addOption(
    envOption(
      "--budget-ratio <number>",
      `what a success gives back to it (default: ${DEFAULTS.budgetRatio})`,
      "explain"
    )
  );
}

// src/cli/options/http-options.ts
init_defaults();
init_duration();
function addHttpOptions(command) {
  return command.addOption(envOption("-X, --method <method>", "HTTP method (default: GET, POST with a body)")).addOption(listOption("-H, --header <header>", "request header 'Name: value' (repeatable)")).addOption(envOption("-d, --data <data>", "request body: text, @file, or @- for stdin")).addOption(
    envOption("--json <data>", "JSON body (text, @file or @-); sets Content-Type and Accept")
  ).addOption(
    envOption("-o, --output <file>", "write the body to a file, only on success ('-': stdout)")
  ).addOption(
    envOption(
      "--connect-timeout <duration>",
      `limit for making the connection (default: ${formatDuration(DEFAULTS.connectTimeoutMs)})`
    )
  ).addOption(
    envOption(
      "--idle-timeout <duration>",
      `no byte from the server for this long: a timeout; 0: off (default: ${formatDuration(DEFAULTS.idleTimeoutMs)})`
    )
  ).addOption(envOption("-k, --insecure", "accept any TLS certificate")).addOption(envOption("--cacert <file>", "trust the CA certificates in this PEM file")).addOption(
    envOption("--max-redirs <n>", `redirects followed (default: ${DEFAULTS.maxRedirects})`)
  ).addOption(
    envOption("--location-trusted", "send every -H header to the origins redirects lead to")
  ).addOption(
    envOption(
      "--expect <statuses>",
      `success statuses, e.g. 200,204 or 2xx (default: ${DEFAULTS.expect})`
    )
  ).addOption(envOption("--expect-body <regex>", "the body must match too (a readiness poll)")).addOption(
    envOption(
      "--idempotency-key <key>",
      "Idempotency-Key sent on every attempt ('auto': a UUID); lets POST/PATCH be retried"
    )
  ).addOption(envOption("--retry-unsafe", "retry POST and PATCH without an idempotency key"));
}

// src/cli/options/output-options.ts
function addOutputOptions(command) {
  return command.addOption(
    envOption("-S, --shell <script>", "run a script through /bin/sh -c instead of an argv")
  ).addOption(envOption("-q, --quiet", "print nothing but a final failure")).addOption(
    envOption(
      "-v, --verbose",
      "print the resolved policy, classification detail and output tails"
    )
  ).addOption(
    envOption("--log-format <format>", "text or json (JSON lines on stderr) (default: text)")
  ).addOption(
    envOption(
      "--log-file <path>",
      "append retry-run's own log here, not to stderr (- for stdout)"
    )
  ).addOption(envOption("--dry-run", "print the resolved policy and schedule, run nothing"));
}

// src/cli/options/policy-options.ts
init_defaults();
init_duration();
init_strategies();
function addPolicyOptions(command) {
  return command.addOption(
    envOption(
      "-s, --strategy <name>",
      `backoff strategy: ${STRATEGY_NAMES.join(", ")} (default: ${DEFAULTS.strategy})`
    )
  ).addOption(
    envOption(
      "-n, --max <attempts>",
      `total attempts, the first included, or inf (default: ${DEFAULTS.maxAttempts})`
    )
  ).addOption(
    envOption(
      "-b, --base <duration>",
      `base delay (default: ${formatDuration(DEFAULTS.baseMs)})`
    )
  ).addOption(
    envOption(
      "-c, --cap <duration>",
      `largest single delay (default: ${formatDuration(DEFAULTS.capMs)})`
    )
  ).addOption(
    envOption(
      "--factor <number>",
      `growth factor of the exponential kinds, > 1 (default: ${DEFAULTS.factor})`
    )
  ).addOption(envOption("--seed <integer>", "makes jitter reproducible (default: random)")).addOption(envOption("-t, --timeout <duration>", "limit for one attempt (default: none)")).addOption(
    envOption(
      "--kill-after <duration>",
      `grace between SIGTERM and SIGKILL (default: ${formatDuration(DEFAULTS.killAfterMs)})`
    )
  ).addOption(
    envOption("--deadline <duration>", "limit for the whole run, waits included (default: none)")
  );
}

// src/cli/options/state-options.ts
function addStateOption(command) {
  return command.addOption(
    envOption(
      "--state <dir|redis-url>",
      "state store for breakers and history: a directory or redis://host:port[/db] (default: $XDG_STATE_HOME/retry-run, else ~/.local/state/retry-run)"
    )
  );
}

// src/cli/options/stdin-options.ts
init_defaults();
function addStdinOptions(command) {
  return command.addOption(
    envOption(
      "--stdin <mode>",
      `auto: a terminal is inherited, anything else is recorded and replayed to every attempt; none: an empty stdin (default: ${DEFAULTS.stdin})`
    )
  );
}

// src/cli/help.ts
init_defaults();
init_duration();
init_exit_codes();
var { USAGE, CIRCUIT_OPEN, TIMEOUT, INTERNAL } = EXIT_CODES;
var RUN_EXAMPLES = `
Examples:
  # Retry a flaky download with exponential backoff, at most ${DEFAULTS.maxAttempts} attempts
  retry-run --strategy exponential -- curl -fsS https://example.com/health

  # A shell pipeline, 10 attempts, 2s apart
  retry-run -n 10 -s fixed -b 2s -S 'make test | tee test.log'

  # Give up after 2 minutes in total, 30s per attempt
  retry-run --deadline 2m --timeout 30s -- ./deploy.sh

  # Retry only exit codes 1-3; see what would happen without running
  retry-run --retry-on exit:1-3 --dry-run -- ./flaky-test.sh

  # Poll until a 2xx response says ready: 2s apart, 2 minutes at most
  retry-run -s fixed -b 2s -n 60 --deadline 2m --expect-body ready \\
    https://example.com/health

  # POST safely: one Idempotency-Key for every attempt; Retry-After is honoured
  retry-run --idempotency-key auto --json '{"sku":"A-1"}' \\
    https://api.example.com/orders

  # Share a circuit breaker between parallel jobs: after ${DEFAULTS.breakerThreshold} failures in a row
  # every run naming 'registry' exits ${CIRCUIT_OPEN} at once for ${formatDuration(DEFAULTS.breakerCooldownMs)}; then one run probes
  retry-run --breaker registry -- docker pull registry.example.com/app:latest

  # Machine-readable attempt log in a file of its own; the job's stderr stays
  retry-run --log-format json --log-file attempts.jsonl -- ./job

Every option can also be set as RETRY_RUN_<OPTION>, e.g. RETRY_RUN_MAX=3;
a switch set to 0, false, no or empty is off.
Exit codes: 0 success; the last attempt's code on failure (128+N for signal N);
${TIMEOUT} timeout; 126/127 not executable/not found; ${CIRCUIT_OPEN} circuit open; ${USAGE} usage error;
130/143/129 interrupted; ${INTERNAL} internal error. HTTP mode, as curl: 22 unexpected
status or body; 6 DNS; 7 connect; 23 body not writable; 28 timeout; 35 TLS;
56 reset; 47 too many redirects or a loop; 1 a redirect to a scheme other than
http(s).
`;
var EXPLAIN_EXAMPLES = `
Examples:
  retry-run explain                               # the strategy table
  retry-run explain -s exponential -b 500ms -n 8  # the schedule of these flags
  # where the deadline bites
  retry-run explain -s jitter -n 6 --deadline 20s -t 5s
  retry-run explain --simulate 200 --seed 1       # 200 clients fail at once
  # what each known tool retries
  retry-run explain --tools --tools-file tools.json
  retry-run explain --format json -s jitter --seed 1

The policy options read RETRY_RUN_<OPTION>, as a run does; --format,
--simulate, --capacity, --budget-tokens and --budget-ratio read
RETRY_RUN_EXPLAIN_<OPTION>, e.g. RETRY_RUN_EXPLAIN_FORMAT=json.
`;
var STATS_EXAMPLES = `
Examples:
  retry-run stats             # every name, the last 7 days, flakiest first
  retry-run stats --name deploy --since 30d
  retry-run stats --format json |
    jq '.[] | select(.firstAttemptSuccessRate < 0.9)'
  retry-run stats --format openmetrics \\
    > /var/lib/node_exporter/retry-run-stats.prom
  # the history of a whole fleet
  retry-run stats --state redis://redis.internal:6379/2

--name, --since and --format read RETRY_RUN_STATS_<OPTION>, e.g.
RETRY_RUN_STATS_FORMAT=json; --state reads RETRY_RUN_STATE, as a run does.
`;
var BREAKER_EXAMPLES = `
Examples:
  retry-run breaker list                      # every breaker in the state store
  retry-run breaker status api --format json  # one breaker, as JSON
  retry-run breaker open api --for 10m        # runs naming 'api' stop for 10m
  retry-run breaker reset api                 # close it and forget its failures
  retry-run breaker list --state redis://redis.internal:6379/0

A run with --breaker <name> exits ${CIRCUIT_OPEN} without running while that breaker is open.
--format and --for read RETRY_RUN_BREAKER_FORMAT and RETRY_RUN_BREAKER_FOR;
--state reads RETRY_RUN_STATE, as a run does.
`;
var BUDGET_EXAMPLES = `
Examples:
  retry-run budget list                      # every budget in the state store
  retry-run budget status api --format json  # one budget, as JSON
  retry-run budget reset api                 # refill it: retries allowed again
  retry-run budget list --state redis://redis.internal:6379/0

A run with --budget <name> retries only while that budget has more than
half its tokens; first attempts always run.
--format reads RETRY_RUN_BUDGET_FORMAT; --state reads RETRY_RUN_STATE,
as a run does.
`;

// src/cli/version.ts
var VERSION = true ? "0.1.0" : "dev";

// src/cli/run.ts
init_own_name();

// src/engine/aftermath.ts
function applyAftermath(result, classification, aftermath) {
  if (!aftermath) return { result, classification };
  const ended = aftermath.endedLeftovers ? { endedLeftovers: aftermath.endedLeftovers } : {};
  const failure = aftermath.writeFailure;
  if (!failure) return { result: { ...result, ...ended }, classification };
  const { signal: _consequence, ...rest } = result;
  return {
    result: { ...rest, ...ended, ...failure, ok: false },
    classification: {
      success: false,
      retryable: false,
      reason: "write",
      explanation: "not retried: its output is lost"
    }
  };
}

// src/engine/classify.ts
init_evidence();
init_tool_defaults();
function classifyAttempt(result, conditions) {
  const until = firstMatch(conditions.until, result, true);
  const success = conditions.until.length > 0 ? until !== void 0 : result.ok;
  if (success) {
    const why = until ? `matches --until ${describe(until)}` : "succeeded";
    return { success, retryable: false, reason: "success", explanation: why, ...evidenceOf(until) };
  }
  const byTool = conditions.statusAware ? classifyByToolDefault(result) : void 0;
  if (byTool) return byTool;
  const baseReason = failureReason(result, conditions);
  const stop = firstMatch(conditions.stopOn, result, false);
  if (stop) {
    return {
      success,
      retryable: false,
      reason: reasonFor(stop, baseReason),
      explanation: `not retried: matches --stop-on ${describe(stop)}`,
      ...evidenceOf(stop)
    };
  }
  const retry2 = firstMatch(conditions.retryOn, result, false);
  if (retry2 && result.notRetryableBecause) {
    return {
      success,
      retryable: false,
      reason: reasonFor(retry2, baseReason),
      explanation: `not retried: ${result.notRetryableBecause}`
    };
  }
  if (retry2) {
    return {
      success,
      retryable: true,
      reason: reasonFor(retry2, baseReason),
      explanation: `retryable: matches --retry-on ${describe(retry2)}`,
      ...evidenceOf(retry2)
    };
  }
  return {
    success,
    retryable: false,
    reason: baseReason,
    explanation: `not retried: ${baseReason}${parenthesized(result.failureEvidence)} is not in --retry-on ${conditions.retryOn.map((c) => c.token).join(",")}`
  };
}
function failureReason(result, conditions) {
  if (result.timedOut) return "timeout";
  if (result.failureClass === "timeout") return "timeout";
  if (result.signal) return `signal:${result.signal}`;
  if (result.failureClass === "connection") {
    return result.errorCode ? `connection:${result.errorCode}` : "connection";
  }
  if (result.failureClass === "body") return "body";
  if (result.status !== void 0) return `status:${result.status}`;
  if (result.reportedStatus !== void 0) return `status:${result.reportedStatus}`;
  if (result.ok && conditions.until.length > 0) return "until";
  return `exit:${result.exitCode}`;
}
function reasonFor(match, baseReason) {
  if (match.condition.kind === "output") return match.condition.token;
  return baseReason.startsWith("exit:") ? match.reason ?? baseReason : baseReason;
}
function describe(match) {
  return match.evidence ? `${match.condition.token} ${match.evidence}` : match.condition.token;
}
function parenthesized(evidence) {
  if (!evidence) return "";
  return evidence.startsWith("(") ? ` ${evidence}` : ` (${evidence})`;
}
function evidenceOf(match) {
  return match?.evidence ? { evidence: match.evidence } : {};
}
function firstMatch(conditions, result, forSuccess) {
  for (const condition of conditions) {
    const match = matchCondition(condition, result, forSuccess);
    if (match) return match;
  }
  return void 0;
}
var STATUS_WORD = /(?<!\w|\d[.,:])[1-5]\d\d(?!\w|[.,:]\d)/g;
var BODY_MISMATCH_STATUS = 503;
function matchCondition(condition, result, forSuccess) {
  const exited = !result.signal && !result.timedOut && result.status === void 0;
  switch (condition.kind) {
    case "any":
      return forSuccess ? void 0 : { condition };
    case "exit":
      return exited && result.exitCode >= condition.min && result.exitCode <= condition.max ? { condition } : void 0;
    case "signal":
      return result.signal && !result.timedOut && (!condition.signal || condition.signal === result.signal) ? { condition } : void 0;
    case "timeout":
      if (result.timedOut) return { condition };
      return result.failureClass === "timeout" ? runnerFinding(condition, result) : void 0;
    case "connection":
      return result.failureClass === "connection" ? runnerFinding(condition, result) : void 0;
    case "status": {
      if (result.failureClass === "body") {
        return condition.min <= BODY_MISMATCH_STATUS && BODY_MISMATCH_STATUS <= condition.max ? { condition, evidence: "(body mismatch counts as 503)" } : void 0;
      }
      const status = result.status ?? result.reportedStatus;
      if (status !== void 0) {
        return status >= condition.min && status <= condition.max ? runnerFinding(condition, result) : void 0;
      }
      return searchTails(result, "output", condition, (text) => {
        const word = findStatusWord(text, condition.min, condition.max);
        return word && { line: word.line, reason: `status:${word.status}` };
      });
    }
    case "output":
      return searchTails(result, condition.stream, condition, (text) => {
        const index = condition.regex.firstIndex(text);
        return index === void 0 ? void 0 : { line: lineAround(text, index) };
      });
  }
}
function runnerFinding(condition, result) {
  return result.failureEvidence ? { condition, evidence: result.failureEvidence } : { condition };
}
function searchTails(result, stream, condition, find) {
  const streams = stream === "output" ? ["stderr", "stdout"] : [stream];
  for (const name of streams) {
    const text = name === "stdout" ? result.stdoutTail : result.stderrTail;
    const found = text ? find(text) : void 0;
    if (found) return { condition, evidence: foundIn(name, found.line), reason: found.reason };
  }
  return void 0;
}
function findStatusWord(text, min, max) {
  for (const match of text.matchAll(STATUS_WORD)) {
    const status = Number(match[0]);
    if (status >= min && status <= max) return { status, line: lineAround(text, match.index) };
  }
  return void 0;
}

// src/engine/retry.ts
init_clock();

// src/engine/time-limit.ts
function timeLimitFor(remainingMs, timeoutMs) {
  if (remainingMs !== void 0 && (timeoutMs === void 0 || remainingMs < timeoutMs))
    return { ms: remainingMs, reason: "deadline" };
  return timeoutMs === void 0 ? void 0 : { ms: timeoutMs, reason: "timeout" };
}

// src/engine/retry.ts
init_strategies();
init_random2();

// src/engine/options.ts
init_errors();
init_conditions();
init_defaults();
init_linear_regex();
init_option_values();
init_strategies();
var MAX_ATTEMPTS = 1e6;
function attemptsOption(name, value) {
  if (value === Infinity) return value;
  try {
    return wholeNumberOption(name, value, 1, MAX_ATTEMPTS);
  } catch {
    throw invalidOption(
      name,
      value,
      `expected a whole number from 1 to ${MAX_ATTEMPTS}, or Infinity`
    );
  }
}
function resolvePolicy(options, prefix = "") {
  if (typeof options !== "object" || options === null) {
    throw invalidOption(prefix.replace(/\.$/, "") || "options", options, "expected an object");
  }
  const name = (key) => `${prefix}${key}`;
  const given = (key, fallback) => options[key] === void 0 ? fallback : options[key];
  const optional = (key, check) => options[key] === void 0 ? {} : { [key]: check(options[key]) };
  return Object.freeze({
    ...options,
    strategy: choiceOption(name("strategy"), given("strategy", DEFAULTS.strategy), STRATEGY_NAMES),
    maxAttempts: attemptsOption(name("maxAttempts"), given("maxAttempts", DEFAULTS.maxAttempts)),
    baseMs: msOption(name("baseMs"), given("baseMs", DEFAULTS.baseMs)),
    capMs: msOption(name("capMs"), given("capMs", DEFAULTS.capMs)),
    factor: numberOption(name("factor"), given("factor", DEFAULTS.factor), 1, 1e3),
    killAfterMs: msOption(name("killAfterMs"), given("killAfterMs", DEFAULTS.killAfterMs)),
    serverWait: booleanOption(name("serverWait"), given("serverWait", true)),
    maxServerWaitMs: msOption(
      name("maxServerWaitMs"),
      given("maxServerWaitMs", DEFAULTS.maxServerWaitMs)
    ),
    ...optional("seed", (value) => wholeNumberOption(name("seed"), value, 0, 2 ** 32 - 1)),
    ...optional("timeoutMs", (value) => msOption(name("timeoutMs"), value, true)),
    ...optional("deadlineMs", (value) => msOption(name("deadlineMs"), value, true))
  });
}
var CONDITION_KINDS = /* @__PURE__ */ new Set([
  "any",
  "exit",
  "signal",
  "timeout",
  "connection",
  "status",
  "output"
]);
function resolveConditions(options, prefix = "") {
  if (typeof options !== "object" || options === null) {
    throw invalidOption(prefix.replace(/\.$/, "") || "conditions", options, "expected an object");
  }
  const mode = choiceOption(`${prefix}defaults`, options.defaults ?? "command", [
    "command",
    "http"
  ]);
  const list = (key, fallback) => parseList(options[key] ?? fallback, `${prefix}${key}`);
  const until = list("until", "");
  if (mode === "http" && until.length > 0) {
    throw new UsageError(
      `${prefix}until: works in command mode only; use the HTTP runner's expect`
    );
  }
  const statusAware = mode === "command" && (options.statusAware ?? (options.retryOn === void 0 && options.stopOn === void 0));
  return Object.freeze({
    retryOn: list("retryOn", mode === "http" ? DEFAULTS.httpRetryOn : DEFAULTS.commandRetryOn),
    stopOn: list("stopOn", mode === "http" ? "" : DEFAULTS.commandStopOn),
    until,
    ...statusAware ? { statusAware } : {}
  });
}
function parseList(value, name) {
  if (typeof value === "string") return value.trim() === "" ? [] : parseConditions(value, name);
  if (!Array.isArray(value)) {
    throw invalidOption(name, value, "expected a condition string or an array of conditions");
  }
  return value.flatMap((item, index) => parseItem(item, `${name}[${index}]`));
}
function parseItem(item, name) {
  if (typeof item === "string") return parseConditions(item, name);
  if (item instanceof RegExp) {
    const regex = compileLinearRegex(item.source, item.flags, name);
    return [{ kind: "output", stream: "output", regex, token: `output:${regex.text}` }];
  }
  const kind = item?.kind;
  if (typeof kind === "string" && CONDITION_KINDS.has(kind)) return [item];
  throw invalidOption(
    name,
    item,
    "expected a condition string ('exit:1-3'), a RegExp or a condition"
  );
}

// src/engine/retry.ts
init_duration();
init_iso_time();
init_exit_codes();
var CIRCUIT_OPEN_EXIT_CODE = EXIT_CODES.CIRCUIT_OPEN;
async function retry(options) {
  const { runner } = options;
  const policy = resolvePolicy(options.policy ?? {}, "policy.");
  const conditions = resolveConditions(options.conditions ?? {}, "conditions.");
  const clock = options.clock ?? systemClock;
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? (policy.seed === void 0 ? Math.random : seededRandom(policy.seed));
  const signal = options.signal ?? new AbortController().signal;
  const emit = options.onEvent ?? (() => {
  });
  const iso = () => isoTime(clock.now());
  const startedAt = clock.now();
  const deadlineAt = policy.deadlineMs === void 0 ? void 0 : startedAt + policy.deadlineMs;
  const attemptsLog = [];
  let waitedMs = 0;
  let previousDelay = policy.baseMs;
  const finish = (outcome, exitCode, message2) => {
    const last = attemptsLog.at(-1);
    const summary = {
      event: "summary",
      time: iso(),
      outcome,
      attempts: attemptsLog.length,
      elapsedMs: clock.now() - startedAt,
      waitedMs,
      exitCode: failedExitCode(outcome, exitCode),
      message: message2,
      ...last && !last.classification.success ? { reason: last.classification.reason } : {},
      ...last ? { lastResult: last.result } : {}
    };
    emit(summary);
    return { ...summary, attemptsLog };
  };
  const interrupted = () => finish(
    "interrupted",
    abortExitCode(signal.reason),
    `${abortCause(signal.reason)}: no further attempt`
  );
  emit({
    event: "start",
    time: iso(),
    description: runner.description,
    maxAttempts: policy.maxAttempts,
    policy
  });
  if (policy.staggerMs !== void 0) {
    const delayMs = Math.round(random() * policy.staggerMs);
    emit({ event: "wait", time: iso(), nextAttempt: 1, delayMs, source: "stagger" });
    const waitStart = clock.now();
    await sleep(delayMs, signal);
    waitedMs += clock.now() - waitStart;
  }
  for (let attempt = 1; ; attempt++) {
    if (signal.aborted) return interrupted();
    if (options.gate) {
      const decision = await options.gate.admit();
      if (decision.notice) emit({ event: "breaker", time: iso(), ...decision.notice });
      if (!decision.allowed) {
        const exitCode = attemptsLog.at(-1)?.result.exitCode ?? CIRCUIT_OPEN_EXIT_CODE;
        return finish("circuit-open", exitCode, decision.notice.message);
      }
      if (signal.aborted) return interrupted();
    }
    const attemptStart = clock.now();
    const remaining = deadlineAt === void 0 ? void 0 : deadlineAt - attemptStart;
    if (remaining !== void 0 && remaining <= 0) {
      return finish(
        "deadline",
        attemptsLog.at(-1)?.result.exitCode ?? EXIT_CODES.TIMEOUT,
        `the deadline of ${formatDuration(policy.deadlineMs ?? 0)} passed before attempt ${attempt}`
      );
    }
    const timeLimit = timeLimitFor(remaining, policy.timeoutMs);
    const attemptResult = await runner.run({
      attempt,
      maxAttempts: policy.maxAttempts,
      signal,
      conditions,
      ...timeLimit ? { timeLimit } : {}
    });
    const verdict = classifyAttempt(attemptResult, conditions);
    const { result, classification } = applyAftermath(
      attemptResult,
      verdict,
      await runner.afterAttempt?.(verdict.success)
    );
    const record = {
      attempt,
      startedAt: isoTime(attemptStart),
      result,
      classification
    };
    attemptsLog.push(record);
    emit({
      event: "attempt",
      time: iso(),
      startedAt: record.startedAt,
      attempt,
      maxAttempts: policy.maxAttempts,
      result,
      classification
    });
    const breakerNotice = signal.aborted ? void 0 : await options.gate?.record(classification.success, classification.reason);
    if (breakerNotice) emit({ event: "breaker", time: iso(), ...breakerNotice });
    const budgetVerdict = signal.aborted ? void 0 : await options.budget?.record(classification.success);
    if (signal.aborted) return interrupted();
    if (classification.success) return finish("success", 0, `succeeded on attempt ${attempt}`);
    if (result.timedOut === "deadline") {
      return finish(
        "deadline",
        result.exitCode,
        `the deadline of ${formatDuration(policy.deadlineMs ?? 0)} ended attempt ${attempt}`
      );
    }
    if (!classification.retryable)
      return finish("stopped", result.exitCode, classification.explanation);
    if (breakerNotice?.state === "open")
      return finish("circuit-open", result.exitCode, breakerNotice.message);
    if (attempt >= policy.maxAttempts) {
      return finish(
        "exhausted",
        result.exitCode,
        policy.maxAttempts === 1 ? "the only attempt failed" : `all ${policy.maxAttempts} attempts failed`
      );
    }
    if (budgetVerdict && !budgetVerdict.retryAllowed)
      return finish("budget-exhausted", result.exitCode, budgetVerdict.message);
    const step = nextDelay(policy, attempt, previousDelay, random);
    previousDelay = step.previousMs;
    let delayMs = step.delayMs;
    let source = "strategy";
    if (policy.serverWait && result.serverWaitMs !== void 0) {
      const serverMs = Math.min(result.serverWaitMs, policy.maxServerWaitMs);
      if (serverMs > delayMs) {
        delayMs = Math.round(serverMs);
        source = "server";
      }
    }
    const wait = source === "server" ? `the wait of ${formatDuration(delayMs)} the server asked for` : `the next wait of ${formatDuration(delayMs)}`;
    const pastDeadline = () => finish(
      "deadline",
      result.exitCode,
      `${wait} would pass the deadline of ${formatDuration(policy.deadlineMs ?? 0)}`
    );
    if (deadlineAt !== void 0 && clock.now() + delayMs >= deadlineAt) return pastDeadline();
    if (options.onRetry) {
      const hookLimit = timeLimitFor(
        deadlineAt === void 0 ? void 0 : deadlineAt - clock.now(),
        policy.timeoutMs
      );
      const hookResult = await options.onRetry({
        attempt,
        maxAttempts: policy.maxAttempts,
        exitCode: result.exitCode,
        reason: classification.reason,
        signal,
        ...hookLimit ? { timeLimit: hookLimit } : {}
      });
      emit({ event: "on-retry", time: iso(), attempt, result: hookResult });
      if (signal.aborted) return interrupted();
      if (hookResult.timedOut === "deadline") {
        const limit = formatDuration(policy.deadlineMs ?? 0);
        return finish("deadline", result.exitCode, `the deadline of ${limit} ended --on-retry`);
      }
      if (deadlineAt !== void 0 && clock.now() + delayMs >= deadlineAt) return pastDeadline();
    }
    emit({ event: "wait", time: iso(), nextAttempt: attempt + 1, delayMs, source });
    const waitStart = clock.now();
    await sleep(delayMs, signal);
    waitedMs += clock.now() - waitStart;
  }
}
function failedExitCode(outcome, exitCode) {
  return outcome !== "success" && exitCode === 0 ? EXIT_CODES.FAILURE : exitCode;
}
function abortCause(reason) {
  const name = reason?.signal;
  return typeof name === "string" ? `${name} received` : "aborted";
}
function abortExitCode(reason) {
  const code = reason?.exitCode;
  return typeof code === "number" ? code : signalExitCode("SIGINT");
}

// src/cli/run.ts
init_clock();

// src/cli/interrupt.ts
init_own_name();
init_exit_codes();
init_duration();
var FORWARDED = ["SIGINT", "SIGTERM", "SIGHUP"];
function handleInterrupts(attempt) {
  const controller = new AbortController();
  const escalation = new AbortController();
  const handlers = FORWARDED.map((signal) => {
    const handler = () => {
      if (!controller.signal.aborted) {
        const reason = {
          signal,
          exitCode: signalExitCode(signal),
          escalate: escalation.signal
        };
        controller.abort(reason);
        if (attempt.running()) {
          const again = signal === "SIGINT" ? "Ctrl-C" : signal;
          process.stderr.write(
            `${OWN_NAME}: stopping the attempt: SIGKILL in ${formatDuration(attempt.killAfterMs)}, ${again} again to kill now
`
          );
        }
      } else if (!escalation.signal.aborted) {
        process.stderr.write(`${OWN_NAME}: ${signal} again: killing the attempt (SIGKILL)
`);
        escalation.abort();
      }
    };
    process.on(signal, handler);
    return () => process.off(signal, handler);
  });
  return { controller, dispose: () => handlers.forEach((remove) => remove()) };
}

// src/cli/reporters.ts
init_own_name();
init_defaults();

// src/report/history.ts
init_history_record();
function createHistoryReporter(options) {
  const events = [];
  return {
    onEvent: (event) => void events.push(event),
    async close() {
      const record = historyRecordOf(events, options.name, options.mode);
      if (!record) return;
      try {
        await options.store().append(HISTORY_COLLECTION, options.name, record, { keep: options.keep });
      } catch (error) {
        options.warn(`run not recorded in the history: ${error.message}`);
      }
    }
  };
}

// src/cli/reporters.ts
init_json_lines();

// src/report/escape-control.ts
var IN_A_LINE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
var IN_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
function escapeControl(text, lines = false) {
  const source = lines ? text.replaceAll("\r\n", "\n") : text;
  return source.replace(lines ? IN_LINES : IN_A_LINE, escapeOne);
}
var NAMED = { "\n": "\\n", "\r": "\\r", "	": "\\t" };
function escapeOne(char) {
  const code = char.charCodeAt(0);
  return NAMED[char] ?? (code < 256 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16)}`);
}

// src/report/redact-events.ts
function redactingReporter(reporter, redact) {
  return {
    onEvent: (event) => reporter.onEvent(redactEvent(event, redact)),
    ...reporter.close ? { close: () => reporter.close() } : {},
    ...reporter.beforeAttempt ? { beforeAttempt: () => reporter.beforeAttempt() } : {}
  };
}
function redactEvent(event, redact) {
  const line = (text) => escapeControl(redact(text));
  switch (event.event) {
    case "start":
      return { ...event, description: line(event.description) };
    case "attempt":
      return {
        ...event,
        result: redactResult(event.result, redact),
        classification: redactClassification(event.classification, line)
      };
    case "breaker":
      return { ...event, message: line(event.message) };
    case "summary":
      return {
        ...event,
        message: line(event.message),
        ...event.reason === void 0 ? {} : { reason: line(event.reason) },
        ...event.lastResult ? { lastResult: redactResult(event.lastResult, redact) } : {}
      };
    case "on-retry":
      return {
        ...event,
        result: {
          ...event.result,
          ...event.result.message === void 0 ? {} : { message: line(event.result.message) }
        }
      };
    case "wait":
      return event;
  }
}
function redactResult(result, redact) {
  const copy = { ...result };
  for (const key of ["message", "failureEvidence", "notRetryableBecause"]) {
    if (copy[key] !== void 0) copy[key] = escapeControl(redact(copy[key]));
  }
  for (const key of ["stdoutTail", "stderrTail", "bodySnippet"]) {
    if (copy[key] !== void 0) copy[key] = escapeControl(redact(copy[key]), true);
  }
  return copy;
}
function redactClassification(classification, line) {
  return {
    ...classification,
    reason: line(classification.reason),
    explanation: line(classification.explanation),
    ...classification.evidence === void 0 ? {} : { evidence: line(classification.evidence) }
  };
}

// src/cli/reporters.ts
init_reporter();
init_style();
init_text();

// src/cli/own-lines.ts
var import_node_tty4 = require("node:tty");
init_streams();
var lineOpen = false;
function noteCommandStderr(chunk) {
  if (chunk.length > 0) lineOpen = chunk[chunk.length - 1] !== 10;
}
function ownLine(text) {
  const start = lineOpen ? "\n" : "";
  lineOpen = false;
  return `${start}${text}`;
}
var ownStderr = {
  write: (text) => writeStderr(ownLine(text)),
  // Asked of the descriptor: process.stderr is made on first use, a millisecond that a quiet
  // run, which never writes to it, need not spend.
  get isTTY() {
    return (0, import_node_tty4.isatty)(2);
  }
};

// src/cli/reporters.ts
function warn(message2) {
  ownStderr.write(`${OWN_NAME}: warning: ${message2}
`);
}
async function createReporters(config, dependencies) {
  const { observability, breaker, budget, redact } = config;
  const env2 = dependencies.env ?? process.env;
  const warnRedacted = (message2) => warn(redact(message2));
  const reporters = [
    config.report.logFormat === "json" ? createJsonLinesReporter(dependencies.log, { quiet: config.report.quiet }) : createTextReporter({
      sink: dependencies.log,
      name: OWN_NAME,
      style: await logStyle(dependencies.log, env2),
      quiet: config.report.quiet,
      verbose: config.report.verbose
    })
  ];
  if (observability.reportFile) {
    const tokens = (list) => list.map((c) => c.token);
    const { createReportFileReporter: createReportFileReporter2 } = await Promise.resolve().then(() => (init_report_file(), report_file_exports));
    reporters.push(
      createReportFileReporter2({
        path: observability.reportFile,
        name: observability.name,
        mode: config.mode,
        version: VERSION,
        conditions: {
          retryOn: tokens(config.conditions.retryOn),
          stopOn: tokens(config.conditions.stopOn),
          until: tokens(config.conditions.until)
        },
        ...config.http ? {
          request: {
            method: config.http.method,
            url: redact.url(config.http.url),
            headers: config.http.headers.map(([name, value]) => redact.header(name, value)),
            retryable: config.http.retryable
          }
        } : {},
        warn: warnRedacted
      })
    );
  }
  if (env2.GITHUB_ACTIONS === "true") {
    const { createGitHubReporter: createGitHubReporter2 } = await Promise.resolve().then(() => (init_github(), github_exports));
    reporters.push(
      createGitHubReporter2({
        sink: ownStderr,
        name: observability.name,
        warnAfter: observability.warnAfter,
        ...env2.GITHUB_STEP_SUMMARY ? { stepSummaryPath: env2.GITHUB_STEP_SUMMARY } : {},
        stepSummary: observability.stepSummary,
        warn: warnRedacted
      })
    );
  }
  if (env2.GITHUB_OUTPUT) {
    const { createGitHubOutputReporter: createGitHubOutputReporter2 } = await Promise.resolve().then(() => (init_github_output(), github_output_exports));
    reporters.push(createGitHubOutputReporter2({ path: env2.GITHUB_OUTPUT, warn: warnRedacted }));
  }
  if (observability.record) {
    reporters.push(
      createHistoryReporter({
        name: observability.name,
        mode: config.mode,
        store: dependencies.store,
        keep: DEFAULTS.historyKeep,
        warn: dependencies.warnStore
      })
    );
  }
  if (observability.metricsFile) {
    const { createMetricsFileReporter: createMetricsFileReporter2 } = await Promise.resolve().then(() => (init_metrics_file(), metrics_file_exports));
    reporters.push(
      createMetricsFileReporter2({
        path: observability.metricsFile,
        name: observability.name,
        ...breaker ? { breakerState: () => breakerState(breaker.name, dependencies.store()) } : {},
        ...budget ? { budget: budget.name } : {},
        warn: warnRedacted
      })
    );
  }
  if (observability.pushgateway) {
    const { createPushgatewayReporter: createPushgatewayReporter2 } = await Promise.resolve().then(() => (init_pushgateway(), pushgateway_exports));
    reporters.push(
      createPushgatewayReporter2({
        url: observability.pushgateway,
        name: observability.name,
        timeoutMs: DEFAULTS.pushgatewayTimeoutMs,
        ...budget ? { budget: budget.name } : {},
        warn: warnRedacted
      })
    );
  }
  return redactingReporter(reporters.length === 1 ? reporters[0] : fanOut(reporters), redact);
}
async function breakerState(name, store) {
  const [{ readBreaker: readBreaker2 }, { visibleState: visibleState2 }] = await Promise.all([
    Promise.resolve().then(() => (init_breaker2(), breaker_exports)),
    Promise.resolve().then(() => (init_state(), state_exports))
  ]);
  return { name, state: visibleState2(await readBreaker2(store, name), Date.now()) };
}

// src/cli/log-sink.ts
var import_node_fs8 = require("node:fs");
var import_node_tty5 = require("node:tty");
init_errors();
init_output_target();
init_streams();
async function openLogSink(path, warn2) {
  if (path === void 0) return { sink: ownStderr, close: () => {
  } };
  const target = await resolveOutputTarget(path).catch((error) => {
    throw new UsageError(`--log-file: cannot write to '${path}': ${describe2(error)}`);
  });
  if (target.kind === "stdio") {
    return { sink: target.stream === "stdout" ? stdout() : ownStderr, close: () => {
    } };
  }
  const fd = openForAppending(path);
  let sink = {
    isTTY: (0, import_node_tty5.isatty)(fd),
    write(text) {
      try {
        writeFully(fd, Buffer.from(text));
      } catch (error) {
        sink = ownStderr;
        warn2(`--log-file: cannot write to '${path}' (${describe2(error)}); the log goes on here`);
        sink.write(text);
      }
    }
  };
  return {
    sink: { isTTY: sink.isTTY, write: (text) => sink.write(text) },
    close: () => (0, import_node_fs8.closeSync)(fd)
  };
}
function openForAppending(path) {
  let probe;
  try {
    if (isFifo(path)) probe = (0, import_node_fs8.openSync)(path, import_node_fs8.constants.O_WRONLY | import_node_fs8.constants.O_NONBLOCK);
    return (0, import_node_fs8.openSync)(path, "a");
  } catch (error) {
    const why = errorCode(error) === "ENXIO" ? "a FIFO that nobody reads" : describe2(error);
    throw new UsageError(`--log-file: cannot write to '${path}': ${why}`);
  } finally {
    if (probe !== void 0) (0, import_node_fs8.closeSync)(probe);
  }
}
function isFifo(path) {
  try {
    return (0, import_node_fs8.statSync)(path).isFIFO();
  } catch {
    return false;
  }
}
function writeFully(fd, bytes) {
  for (let offset = 0; offset < bytes.length; ) {
    offset += (0, import_node_fs8.writeSync)(fd, bytes, offset);
  }
}
function errorCode(error) {
  return error.code;
}
function describe2(error) {
  return String(error.message ?? error).split(",")[0];
}

// src/cli/runner-factory.ts
init_streams();
init_errors();
init_conditions();
init_active();
init_recognize();
init_proxy_env();
init_tools_file();
async function createRunner(config, env2) {
  if (config.mode === "command" && config.command) {
    const { createCommandRunner: createCommandRunner2 } = await Promise.resolve().then(() => (init_command(), command_exports));
    const tools = activeTools(config.toolsFile ? loadToolsFile(config.toolsFile) : void 0);
    return createCommandRunner2({
      tools,
      command: config.command,
      killAfterMs: config.policy.killAfterMs,
      stdin: config.stdin,
      env: env2(),
      capture: {
        tails: keepsTails(config, tools),
        stdout: config.stdout,
        onStderr: noteCommandStderr
      }
    });
  }
  if (config.mode === "http" && config.http) {
    if (proxyIsSet(process.env)) (await Promise.resolve().then(() => __toESM(require("node:v8"), 1))).setFlagsFromString("--liftoff-only");
    const { createHttpRunner: createHttpRunner2 } = await Promise.resolve().then(() => (init_http2(), http_exports));
    return createHttpRunner2({
      http: config.http,
      stdout: stdout(),
      // A getter: process.stdin is created (milliseconds) only for a body of `-d @-`.
      get stdin() {
        return process.stdin;
      }
    });
  }
  throw new UsageError("nothing to run");
}
function keepsTails(config, tools) {
  const { retryOn, stopOn, until, statusAware } = config.conditions;
  if (needsOutput([...retryOn, ...stopOn, ...until])) return true;
  const tool = config.command ? toolByCommand(tools, config.command.file) : void 0;
  if (tool && statusAware) return true;
  return config.policy.serverWait && tool?.readsRetryAfter === true;
}

// src/cli/run.ts
init_open_store();
init_style();
init_text();
async function runAction(raw, target) {
  const config = normalizeRunConfig(raw, target);
  if (config.dryRun) {
    const { renderDryRun: renderDryRun2 } = await Promise.resolve().then(() => (init_dry_run(), dry_run_exports));
    process.stderr.write(renderDryRun2(config, await stderrStyle()));
    return 0;
  }
  const log = await openLogSink(config.report.logFile, (message2) => warn(config.redact(message2)));
  const depth = NESTING_DEPTH;
  let childEnv;
  const envOfChildren = () => childEnv ??= { ...process.env, RETRY_RUN_DEPTH: String(depth + 1) };
  const runner = await createRunner(config, envOfChildren);
  const hook = config.onRetry === void 0 ? void 0 : (await Promise.resolve().then(() => (init_retry_hook(), retry_hook_exports))).createShellHook({
    script: config.onRetry,
    killAfterMs: config.policy.killAfterMs,
    env: envOfChildren()
  });
  let store;
  const openState = () => store ??= openStore(config.state);
  let storeWarned = config.report.quiet;
  const warnStore = (message2) => {
    if (!storeWarned) warn(config.redact(message2));
    storeWarned = true;
  };
  const reporter = await createReporters(config, { store: openState, warnStore, log: log.sink });
  const runAttempt = runner.run.bind(runner);
  let attemptRunning = false;
  runner.run = (context) => {
    reporter.beforeAttempt?.();
    attemptRunning = true;
    return runAttempt(context).finally(() => attemptRunning = false);
  };
  if (depth > 0 && !config.report.quiet) process.stderr.write(nestingWarning(depth, config));
  const breaker = config.breaker ? (await Promise.resolve().then(() => (init_breaker_gate(), breaker_gate_exports))).openBreakerGate(config.breaker, openState(), warnStore) : void 0;
  const budget = config.budget ? (await Promise.resolve().then(() => (init_budget2(), budget_exports))).createSharedBudget(
    config.budget,
    openState(),
    warnStore,
    systemClock
  ) : void 0;
  const interrupts = handleInterrupts({
    // JSON lines on stderr take no text line: that log has no such announcement.
    running: () => attemptRunning && config.report.logFormat !== "json",
    killAfterMs: config.policy.killAfterMs
  });
  try {
    const result = await retry({
      runner,
      policy: config.policy,
      conditions: config.conditions,
      signal: interrupts.controller.signal,
      onEvent: (event) => reporter.onEvent(event),
      ...breaker ? { gate: breaker.gate } : {},
      ...hook ? { onRetry: hook.run } : {},
      ...budget ? { budget } : {}
    });
    return result.exitCode;
  } finally {
    await reporter.close?.();
    log.close();
    await runner.close?.();
    hook?.close();
    await breaker?.close();
    await store?.close();
    interrupts.dispose();
  }
}
function nestingWarning(depth, config) {
  const inner = attemptCount(config.policy.maxAttempts);
  const outer = Number(process.env.RETRY_RUN_MAX_ATTEMPTS);
  const product = Number.isInteger(outer) && outer > 0 ? `up to ${outer} outer \xD7 ${inner} inner = ${attemptCount(outer * config.policy.maxAttempts)} runs of the command` : `outer \xD7 ${inner} inner`;
  return `${OWN_NAME}: warning: running inside another retry-run (depth ${depth + 1}): attempts multiply, ${product}
`;
}

// src/cli/program.ts
var SUBCOMMAND_WORDS = /* @__PURE__ */ new Set(["explain", "stats", "breaker", "budget", "completion", "help"]);
function mayChooseSubcommand(own) {
  return own.some((arg) => SUBCOMMAND_WORDS.has(arg) || arg === "--help" || /^-[^-]*h/.test(arg));
}
function buildProgram(afterDoubleDash, setResult, withSubcommands = true) {
  const program2 = new Command("retry-run").usage(
    "[options] -- <command> [args...]\n       retry-run [options] -S <script>\n       retry-run [options] <url>\n       retry-run explain [options]\n       retry-run breaker <list|status|reset|open> [name]\n       retry-run budget <list|status|reset> [name]\n       retry-run stats [--name n] [--since 7d] [--format table|json|openmetrics]"
  ).description("Run a command or an HTTP request, and retry it with smart, observable backoff.").version(VERSION, "-V, --version", "print the version").helpOption("-h, --help", "show this help").enablePositionalOptions().argument("[url]", "an http(s) URL to request (HTTP mode)").allowExcessArguments(true).showSuggestionAfterError(true).addHelpText("after", RUN_EXAMPLES);
  program2.configureHelp({ optionDescription: (option) => option.description });
  addPolicyOptions(program2.optionsGroup("Policy:"));
  addBetweenAttemptsOptions(program2);
  addConditionOptions(program2.optionsGroup("What is retried:"));
  addOutputOptions(program2.optionsGroup("Command and output:"));
  addCaptureOptions(program2);
  addStdinOptions(program2);
  addHttpOptions(program2.optionsGroup("HTTP mode:"));
  addBreakerOptions(program2.optionsGroup("Circuit breaker and state:"));
  addBudgetOptions(program2);
  addStateOption(program2);
  addObservabilityOptions(program2.optionsGroup("Reports, history and CI:"));
  program2.action((_url, options, command) => {
    const target = {
      operands: command.args,
      ...afterDoubleDash ? { afterDoubleDash } : {}
    };
    setResult(runAction(options, target));
  });
  if (withSubcommands) addSubcommands(program2, setResult);
  return program2;
}
function addSubcommands(program2, setResult) {
  const explain = new Command("explain").description(
    "show the strategies, the schedule that the given policy options produce, and the thundering herd"
  ).addHelpText("after", EXPLAIN_EXAMPLES);
  addPolicyOptions(explain);
  addExplainOptions(explain);
  explain.action((options) => {
    setResult(Promise.resolve().then(() => (init_explain(), explain_exports)).then(({ explainAction: explainAction2 }) => explainAction2(options)));
  });
  program2.addCommand(explain);
  const stats = new Command("stats").description(
    "show the run history per name: success rates, attempts, waits, failure reasons, trend"
  ).addOption(envOption("--name <name>", "only this name (default: every name)", "stats")).addOption(
    envOption(
      "--since <duration|date>",
      "how far back to look, e.g. 7d, 12h, 2026-11-01 (default: 7d)",
      "stats"
    )
  ).addOption(
    envOption("--format <format>", "table, json or openmetrics (default: table)", "stats")
  ).addHelpText("after", STATS_EXAMPLES);
  addStateOption(stats);
  stats.action((options) => {
    setResult(Promise.resolve().then(() => (init_stats2(), stats_exports)).then(({ statsAction: statsAction2 }) => statsAction2(options)));
  });
  program2.addCommand(stats);
  const breaker = new Command("breaker").description("show or change shared circuit breakers").usage("<list|status|reset|open> [name] [options]").argument("<action>", "list, status, reset or open").argument("[name]", "the breaker (all but list)").addOption(
    envOption("--format <format>", "list and status: text or json (default: text)", "breaker")
  ).addOption(
    envOption(
      "--for <duration>",
      `open: how long it stays open (default: ${formatDuration(DEFAULTS.breakerCooldownMs)})`,
      "breaker"
    )
  ).addHelpText("after", BREAKER_EXAMPLES);
  addStateOption(breaker);
  breaker.action((action, name, options) => {
    setResult(
      Promise.resolve().then(() => (init_breaker_command(), breaker_command_exports)).then(
        ({ breakerAction: breakerAction2 }) => breakerAction2(action, name, options)
      )
    );
  });
  program2.addCommand(breaker);
  const budget = new Command("budget").description("show or reset shared retry budgets").usage("<list|status|reset> [name] [options]").argument("<action>", "list, status or reset").argument("[name]", "the budget (status and reset)").addOption(
    envOption("--format <format>", "list and status: text or json (default: text)", "budget")
  ).addHelpText("after", BUDGET_EXAMPLES);
  addStateOption(budget);
  budget.action((action, name, options) => {
    setResult(
      Promise.resolve().then(() => (init_budget_command(), budget_command_exports)).then(({ budgetAction: budgetAction2 }) => budgetAction2(action, name, options))
    );
  });
  program2.addCommand(budget);
  program2.addCommand(
    new Command("completion").description("print a shell completion script: bash, zsh or fish").argument("<shell>", "bash, zsh or fish").action((shell) => {
      setResult(
        Promise.resolve().then(() => (init_completion_command(), completion_command_exports)).then(
          ({ completionAction: completionAction2 }) => completionAction2(program2, shell)
        )
      );
    })
  );
}

// src/cli/main.ts
init_process_group();
init_streams();
var HELP_COLUMNS = 80;
async function main(argv) {
  const split = argv.indexOf("--");
  const own = split === -1 ? argv : argv.slice(0, split);
  const afterDoubleDash = split === -1 ? void 0 : argv.slice(split + 1);
  let redactor;
  const redact = (text) => (redactor ??= createRedactor({ env: process.env, extra: redactValuesIn(own) }))(text);
  let result;
  const program2 = buildProgram(afterDoubleDash, (r) => result = r, mayChooseSubcommand(own));
  for (const command of [program2, ...program2.commands]) {
    command.exitOverride().configureOutput({
      // Asked only when help is shown: a run never creates process.stdout just for this.
      getOutHelpWidth: helpWidth,
      getErrHelpWidth: helpWidth,
      writeOut: (text) => stdout().write(text),
      writeErr: (text) => process.stderr.write(text.startsWith("error:") ? `${OWN_NAME}: ${text}` : text),
      outputError: (text, write) => write(redact(text.replace(/^error: /, `${OWN_NAME}: `)))
    });
  }
  let chosen;
  program2.hook("preAction", (_program, action) => {
    chosen = action;
    turnOffSwitchesSetOff(action);
  });
  try {
    await program2.parseAsync(own, { from: "user" });
    return result ? await result : 0;
  } catch (error) {
    const named = (text) => chosen ? nameEnvironmentSources(text, chosen) : text;
    return reportError(
      error,
      (text) => redact(named(text)),
      () => withForgottenDoubleDash(own, program2)
    );
  }
}
function reportError(error, describe3, corrected) {
  if (error instanceof CommanderError) {
    if (error.code === "commander.unknownOption") showDoubleDash(corrected(), describe3);
    return error.exitCode === 0 ? 0 : EXIT_CODES.USAGE;
  }
  if (error instanceof MissingDoubleDashError && showDoubleDash(corrected(), describe3)) {
    return error.exitCode;
  }
  if (isRetryRunError(error)) {
    process.stderr.write(`${OWN_NAME}: ${describe3(error.message)}
`);
    return error.exitCode;
  }
  const detail = error?.stack ?? String(error);
  process.stderr.write(`${OWN_NAME}: internal error: ${describe3(detail)}
`);
  return EXIT_CODES.INTERNAL;
}
function showDoubleDash(line, redact) {
  if (line)
    process.stderr.write(redact(`retry-run: to run a command, put -- before it: ${line}
`));
  return line !== void 0;
}
function helpWidth() {
  return Math.min(HELP_COLUMNS, process.stdout.columns || HELP_COLUMNS);
}
function redactValuesIn(argv) {
  const values = argv.flatMap(
    (arg, i) => arg === "--redact" ? [argv[i + 1] ?? ""] : arg.startsWith("--redact=") ? [arg.slice(9)] : []
  );
  return redactValues([...values, process.env.RETRY_RUN_REDACT ?? ""]);
}
guardStderrWhenUsed();
void main(process.argv.slice(2)).then(exitWhenDone);
function exitWhenDone(code) {
  process.exitCode = code;
  const closed = (resource) => resource === "CloseReq" || resource === "ProcessWrap" && commandsRunning() === 0;
  if (process.getActiveResourcesInfo().every(closed)) process.exit();
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  main
});

}, this);

