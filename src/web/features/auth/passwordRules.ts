// The password length rules are the server's own (a pure module with no
// dependencies). The server has the final word: it also refuses common and
// predictable passwords.

export {
  minimumLength,
  passwordLength,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PASSWORD_MIN_LENGTH_WITH_MFA,
} from '../../../server/core/password-length';
