package kz.qujat.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads a program's database directly, to check what the processes left behind after being killed. */
final class Sql {
    private final String url;

    Sql(String url) {
        this.url = url;
    }

    long count(String query, Object... params) {
        try (Connection c = DriverManager.getConnection(url); PreparedStatement st = c.prepareStatement(query)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            // the program may not have created its tables yet
            return -1;
        }
    }

    /** Each row as its columns joined by " | "; a line saying why when the query fails (for a failure's report). */
    java.util.List<String> rows(String query, Object... params) {
        java.util.List<String> out = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); PreparedStatement st = c.prepareStatement(query)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        row.append(i > 1 ? " | " : "").append(rs.getString(i));
                    }
                    out.add(row.toString());
                }
            }
        } catch (SQLException e) {
            out.add("query failed: " + e.getMessage());
        }
        return out;
    }

    String text(String query, Object... params) {
        try (Connection c = DriverManager.getConnection(url); PreparedStatement st = c.prepareStatement(query)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new AssertionError("query failed: " + e.getMessage(), e);
        }
    }
}
